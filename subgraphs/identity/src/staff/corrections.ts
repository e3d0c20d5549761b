import type { Kysely, Selectable } from '@resident-graph/store';
import { randomUUID } from 'node:crypto';
import type { IdentityDatabase } from '../store/database.js';
import type { CorrectionNotice, RecordCorrection } from './staff.type.js';

type NoticeRow = Selectable<IdentityDatabase['correction_notice']>;

/**
 * Records an agency's correction of a resident's record and a notice for every application the
 * corrected fields were disclosed to (Privacy Act (c)(4)), in one transaction.
 */
export async function recordCorrection(
  db: Kysely<IdentityDatabase>,
  correction: {
    residentId: string;
    agency: string;
    fields: readonly string[];
    summary: string;
    correctedBy: string;
  },
  now: Date,
): Promise<RecordCorrection> {
  const corrected = new Set(correction.fields);
  const id = `cor_${randomUUID()}`;
  const correctedAt = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const disclosed = await trx
      .selectFrom('disclosure')
      .select(['recipient', 'fields'])
      .where('resident_id', '=', correction.residentId)
      .where('agency', '=', correction.agency)
      .where('recipient_kind', '=', 'THIRD_PARTY')
      .execute();
    const recipients = new Map<string, Set<string>>();
    for (const row of disclosed) {
      const fields = (JSON.parse(row.fields) as string[]).filter((f) => corrected.has(f));
      if (fields.length === 0) continue;
      const set = recipients.get(row.recipient) ?? new Set<string>();
      for (const field of fields) set.add(field);
      recipients.set(row.recipient, set);
    }
    await trx
      .insertInto('correction')
      .values({
        id,
        resident_id: correction.residentId,
        agency: correction.agency,
        fields: JSON.stringify([...corrected].sort()),
        summary: correction.summary,
        corrected_at: correctedAt,
        corrected_by: correction.correctedBy,
      })
      .execute();
    const notices: NoticeRow[] = [...recipients].map(([recipient, fields]) => ({
      id: `cn_${randomUUID()}`,
      correction_id: id,
      recipient,
      resident_id: correction.residentId,
      agency: correction.agency,
      fields: JSON.stringify([...fields].sort()),
      summary: correction.summary,
      created_at: correctedAt,
      read_at: null,
    }));
    if (notices.length > 0) await trx.insertInto('correction_notice').values(notices).execute();
    return {
      id,
      agency: correction.agency,
      residentId: correction.residentId,
      fields: [...corrected].sort(),
      correctedAt,
      notices: notices.map(noticeOf),
    };
  });
}

/** The notices meant for one application, newest first (for one resident when the token names one). */
export async function noticesFor(
  db: Kysely<IdentityDatabase>,
  recipient: string,
  residentId: string | null,
): Promise<CorrectionNotice[]> {
  let query = db
    .selectFrom('correction_notice')
    .selectAll()
    .where('recipient', '=', recipient)
    .orderBy('created_at', 'desc')
    .limit(100);
  if (residentId) query = query.where('resident_id', '=', residentId);
  return (await query.execute()).map(noticeOf);
}

function noticeOf(row: NoticeRow): CorrectionNotice {
  return {
    id: row.id,
    correctionId: row.correction_id,
    recipient: row.recipient,
    residentId: row.resident_id,
    agency: row.agency,
    fields: JSON.parse(row.fields) as string[],
    summary: row.summary,
    createdAt: row.created_at,
  };
}
