import type { SigningKey } from '@resident-graph/caller';
import { sql, type Kysely, type Selectable, type Transaction } from '@resident-graph/store';
import { randomUUID } from 'node:crypto';
import type { IdentityDatabase } from '../store/database.js';
import { recordHash, signHash, type StoredDisclosure } from './chain.js';

/** Privacy Act accounting: kept at least 5 years (or the life of the record, if longer). */
export const RETENTION_YEARS = 5;

/**
 * One release to one recipient, of one agency's records: as the gateway reports it (to an
 * application or caseworker), or as a declaration's notice says (to an agency told, ADR 0017).
 */
export interface Release {
  residentId: string;
  agency: string;
  fields: readonly string[];
  recipientKind: 'THIRD_PARTY' | 'STAFF' | 'AGENCY';
  recipient: string;
  purpose: string;
  consentId: string | null;
  caseReference: string | null;
  requestId: string;
}

type Row = Selectable<IdentityDatabase['disclosure']>;

/**
 * Appends releases to the chain in one transaction: the chain head row is locked first (an UPDATE
 * takes PostgreSQL's row lock; SQLite runs one write transaction at a time), so concurrent appends
 * line up and every record follows exactly one other. Fails as a whole: either every record of the
 * batch is written, or none is and the caller must not release the data.
 */
export async function appendDisclosures(
  db: Kysely<IdentityDatabase>,
  key: SigningKey | undefined,
  releases: readonly Release[],
  now: Date = new Date(),
): Promise<string[]> {
  if (!key) throw new Error('identity has no records key: the disclosure log cannot be signed');
  if (releases.length === 0) return [];
  return db.transaction().execute((trx) => appendDisclosuresIn(trx, key, releases, now));
}

/**
 * `appendDisclosures` inside a transaction the caller owns, so the records commit or roll back
 * with the caller's own change (the marker that a declaration's disclosures were recorded).
 */
export async function appendDisclosuresIn(
  trx: Transaction<IdentityDatabase>,
  key: SigningKey | undefined,
  releases: readonly Release[],
  now: Date = new Date(),
): Promise<string[]> {
  if (!key) throw new Error('identity has no records key: the disclosure log cannot be signed');
  if (releases.length === 0) return [];
  const disclosedAt = now.toISOString();
  const retain = new Date(now);
  retain.setUTCFullYear(retain.getUTCFullYear() + RETENTION_YEARS);
  const retainUntil = retain.toISOString();
  await trx
    .updateTable('disclosure_chain_head')
    .set({ seq: sql`seq` })
    .where('id', '=', 1)
    .execute();
  const head = await trx
    .selectFrom('disclosure_chain_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  let { seq, hash: prevHash } = head;
  const ids: string[] = [];
  const rows = [];
  for (const release of releases) {
    seq += 1;
    const content = {
      seq,
      id: `dis_${randomUUID()}`,
      disclosedAt,
      residentId: release.residentId,
      agency: release.agency,
      fields: [...release.fields].sort(),
      recipientKind: release.recipientKind,
      recipient: release.recipient,
      purpose: release.purpose,
      consentId: release.consentId,
      caseReference: release.caseReference,
      requestId: release.requestId,
      retainUntil,
    };
    const hash = recordHash(prevHash, content);
    rows.push({
      seq,
      id: content.id,
      disclosed_at: disclosedAt,
      resident_id: content.residentId,
      agency: content.agency,
      fields: JSON.stringify(content.fields),
      recipient_kind: content.recipientKind,
      recipient: content.recipient,
      purpose: content.purpose,
      consent_id: content.consentId,
      case_reference: content.caseReference,
      request_id: content.requestId,
      retain_until: retainUntil,
      prev_hash: prevHash,
      hash,
      key_id: key.kid,
      signature: await signHash(key, hash),
    });
    ids.push(content.id);
    prevHash = hash;
  }
  await trx.insertInto('disclosure').values(rows).execute();
  await trx
    .updateTable('disclosure_chain_head')
    .set({ seq, hash: prevHash })
    .where('id', '=', 1)
    .execute();
  return ids;
}

export interface DisclosureFilter {
  residentId: string;
  agency?: string | null;
  recipient?: string | null;
  /** Records older than this sequence number (the cursor of the last page). */
  beforeSeq?: number | null;
  limit: number;
}

/** A resident's disclosures, newest first; one more than `limit` tells whether a next page exists. */
export async function listDisclosures(
  db: Kysely<IdentityDatabase>,
  filter: DisclosureFilter,
): Promise<Row[]> {
  let query = db
    .selectFrom('disclosure')
    .selectAll()
    .where('resident_id', '=', filter.residentId)
    .orderBy('seq', 'desc')
    .limit(filter.limit + 1);
  if (filter.agency) query = query.where('agency', '=', filter.agency);
  if (filter.recipient) query = query.where('recipient', '=', filter.recipient);
  if (filter.beforeSeq) query = query.where('seq', '<', filter.beforeSeq);
  return query.execute();
}

/** Every record in chain order, a page at a time (bounded memory), for the verifier. */
export async function* readChain(
  db: Kysely<IdentityDatabase>,
  pageSize = 1000,
): AsyncGenerator<StoredDisclosure> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('disclosure')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) yield storedDisclosure(row);
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = last.seq;
  }
}

export async function chainHead(db: Kysely<IdentityDatabase>) {
  return db
    .selectFrom('disclosure_chain_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
}

export function storedDisclosure(row: Row): StoredDisclosure {
  return {
    seq: Number(row.seq),
    id: row.id,
    disclosedAt: row.disclosed_at,
    residentId: row.resident_id,
    agency: row.agency,
    fields: JSON.parse(row.fields) as string[],
    recipientKind: row.recipient_kind,
    recipient: row.recipient,
    purpose: row.purpose,
    consentId: row.consent_id,
    caseReference: row.case_reference,
    requestId: row.request_id,
    retainUntil: row.retain_until,
    prevHash: row.prev_hash,
    hash: row.hash,
    keyId: row.key_id,
    signature: row.signature,
  };
}
