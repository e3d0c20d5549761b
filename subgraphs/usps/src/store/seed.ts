import type { ResidentFacts } from '@resident-graph/personas';
import type { Insertable, Kysely } from '@resident-graph/store';
import { MAX_KEYS_PER_QUERY, type UspsDatabase } from './database.js';

/** Rows per INSERT: SQLite allows at most 32766 bound variables per statement (13 columns here). */
const ROWS_PER_INSERT = 2000;

const USPS_ID_PREFIX = 'USPS-C-';
const uspsId = (n: number) => `${USPS_ID_PREFIX}${String(n).padStart(9, '0')}`;

/**
 * Writes the Postal Service's part of a batch of synthetic residents in one transaction. Only
 * residents with a change-of-address request get a customer id. Re-seeding is harmless: every
 * insert ignores rows that already exist.
 */
export async function seedUsps(
  db: Kysely<UspsDatabase>,
  residents: readonly ResidentFacts[],
): Promise<void> {
  const known = residents.filter(({ usps }) => usps.changeOfAddress !== null);
  if (known.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const uspsIds = await linkResidents(
      trx,
      known.map((r) => r.id),
    );
    const requests: Insertable<UspsDatabase['change_of_address']>[] = [];
    for (const { id, usps } of known) {
      const change = usps.changeOfAddress!;
      requests.push({
        usps_id: uspsIds.get(id)!,
        submitted_on: change.submittedOn,
        effective_on: change.effectiveOn,
        status: change.status,
        changed_on: change.changedOn,
        old_line1: change.oldAddress.line1,
        old_city: change.oldAddress.city,
        old_state: change.oldAddress.state,
        old_zip: change.oldAddress.zip,
        new_line1: change.newAddress.line1,
        new_city: change.newAddress.city,
        new_state: change.newAddress.state,
        new_zip: change.newAddress.zip,
      });
    }
    for (let i = 0; i < requests.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto('change_of_address')
        .values(requests.slice(i, i + ROWS_PER_INSERT))
        .onConflict((c) => c.doNothing())
        .execute();
    }
  });
}

/**
 * Gives each resident a Postal Service customer id, numbered on from the highest one issued, and
 * returns every resident's id as stored: a resident seeded before keeps the id they were given.
 */
async function linkResidents(
  trx: Kysely<UspsDatabase>,
  residentIds: readonly string[],
): Promise<Map<string, string>> {
  const { last } = await trx
    .selectFrom('resident_link')
    .select((eb) => eb.fn.max('usps_id').as('last'))
    .executeTakeFirstOrThrow();
  let next = last ? Number(last.slice(USPS_ID_PREFIX.length)) + 1 : 1;
  const links = residentIds.map((resident_id) => ({ resident_id, usps_id: uspsId(next++) }));
  for (let i = 0; i < links.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('resident_link')
      .values(links.slice(i, i + ROWS_PER_INSERT))
      .onConflict((c) => c.doNothing())
      .execute();
  }
  const stored = new Map<string, string>();
  for (let i = 0; i < residentIds.length; i += MAX_KEYS_PER_QUERY) {
    const rows = await trx
      .selectFrom('resident_link')
      .select(['resident_id', 'usps_id'])
      .where('resident_id', 'in', residentIds.slice(i, i + MAX_KEYS_PER_QUERY))
      .execute();
    for (const row of rows) stored.set(row.resident_id, row.usps_id);
  }
  return stored;
}

export async function isUspsSeeded(db: Kysely<UspsDatabase>): Promise<boolean> {
  return (
    (await db.selectFrom('resident_link').select('resident_id').limit(1).executeTakeFirst()) !==
    undefined
  );
}
