import type { ResidentFacts } from '@resident-graph/personas';
import type { Insertable, Kysely } from '@resident-graph/store';
import type { SsaDatabase } from './database.js';
import { MAX_VARIABLES } from './limits.js';

const ID_PREFIX = 'SSA-B-';
const formatSsaId = (n: number) => `${ID_PREFIX}${String(n).padStart(9, '0')}`;

/**
 * Writes SSA's part of a batch of synthetic residents in one transaction. Each new resident gets the
 * next SSA id in sequence (unrelated to the platform id, as pairwise identifiers require); residents
 * already linked keep theirs, and every insert ignores rows that exist, so re-seeding is harmless.
 */
export async function seedSsa(
  db: Kysely<SsaDatabase>,
  residents: readonly ResidentFacts[],
): Promise<void> {
  if (residents.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const ssaIds = await linkResidents(trx, residents);
    const holders: Insertable<SsaDatabase['number_holder']>[] = [];
    const applications: Insertable<SsaDatabase['retirement_application']>[] = [];
    const cards: Insertable<SsaDatabase['newborn_card_request']>[] = [];
    const addressChanges: Insertable<SsaDatabase['address_change']>[] = [];
    for (const { id, ssa } of residents) {
      const ssaId = ssaIds.get(id)!;
      holders.push({
        ssa_id: ssaId,
        ssn: ssa.ssn,
        primary_insurance_amount: ssa.primaryInsuranceAmount,
        benefits_started_on: ssa.benefitsStartedOn,
      });
      if (ssa.retirementApplication) {
        const { status, filedOn, changedOn } = ssa.retirementApplication;
        applications.push({ ssa_id: ssaId, status, filed_on: filedOn, changed_on: changedOn });
      }
      if (ssa.newbornCard) {
        const { childGivenName, birthDate, status, changedOn } = ssa.newbornCard;
        // Enumeration at birth: the request comes with the hospital birth form, so it dates from the birth.
        cards.push({
          ssa_id: ssaId,
          child_given_name: childGivenName,
          child_birth_date: birthDate,
          requested_on: birthDate,
          status,
          changed_on: changedOn,
        });
      }
      if (ssa.addressChange) {
        const { submittedOn, completedOn } = ssa.addressChange;
        addressChanges.push({
          ssa_id: ssaId,
          submitted_on: submittedOn,
          completed_on: completedOn,
        });
      }
    }
    // Holders first: the link and the records reference them.
    for (const rows of inChunks(holders)) {
      await trx
        .insertInto('number_holder')
        .values(rows)
        .onConflict((c) => c.doNothing())
        .execute();
    }
    const links = residents.map(({ id }) => ({ resident_id: id, ssa_id: ssaIds.get(id)! }));
    for (const rows of inChunks(links)) {
      await trx
        .insertInto('resident_link')
        .values(rows)
        .onConflict((c) => c.doNothing())
        .execute();
    }
    for (const rows of inChunks(applications)) {
      await trx
        .insertInto('retirement_application')
        .values(rows)
        .onConflict((c) => c.doNothing())
        .execute();
    }
    for (const rows of inChunks(cards)) {
      await trx
        .insertInto('newborn_card_request')
        .values(rows)
        .onConflict((c) => c.doNothing())
        .execute();
    }
    for (const rows of inChunks(addressChanges)) {
      await trx
        .insertInto('address_change')
        .values(rows)
        .onConflict((c) => c.doNothing())
        .execute();
    }
  });
}

/** SSA ids for `residents`: the existing link where there is one, else the next unused id. */
async function linkResidents(
  db: Kysely<SsaDatabase>,
  residents: readonly ResidentFacts[],
): Promise<Map<string, string>> {
  const ids = [...new Set(residents.map((r) => r.id))];
  const linked = new Map<string, string>();
  for (let i = 0; i < ids.length; i += MAX_VARIABLES) {
    const rows = await db
      .selectFrom('resident_link')
      .select(['resident_id', 'ssa_id'])
      .where('resident_id', 'in', ids.slice(i, i + MAX_VARIABLES))
      .execute();
    for (const row of rows) linked.set(row.resident_id, row.ssa_id);
  }
  // Zero-padded ids sort in number order, so the greatest is the last one issued.
  const last = await db
    .selectFrom('resident_link')
    .select('ssa_id')
    .orderBy('ssa_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  let next = last ? Number(last.ssa_id.slice(ID_PREFIX.length)) + 1 : 1;
  for (const id of ids) if (!linked.has(id)) linked.set(id, formatSsaId(next++));
  return linked;
}

/** Rows split so one INSERT stays under SQLite's bound-variable limit. */
function* inChunks<T extends object>(rows: readonly T[]): Generator<T[]> {
  if (rows.length === 0) return;
  const perRow = Object.keys(rows[0]!).length;
  const size = Math.floor(MAX_VARIABLES / perRow);
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

export async function isSsaSeeded(db: Kysely<SsaDatabase>): Promise<boolean> {
  return (
    (await db.selectFrom('resident_link').select('resident_id').limit(1).executeTakeFirst()) !==
    undefined
  );
}
