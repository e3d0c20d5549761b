import type { ResidentFacts } from '@resident-graph/personas';
import type { Insertable, Kysely } from '@resident-graph/store';
import { MAX_KEYS_PER_QUERY, type StateDatabase } from './database.js';

/** Rows per INSERT: SQLite allows at most 32766 bound variables per statement (≤ 7 columns here). */
const ROWS_PER_INSERT = 2000;

const STATE_ID_PREFIX = 'DOS-C-';
const stateId = (n: number) => `${STATE_ID_PREFIX}${String(n).padStart(9, '0')}`;

/**
 * Writes the Department of State's part of a batch of synthetic residents in one transaction. Only
 * residents with a passport record get a customer id: the Department knows nobody else.
 * Re-seeding is harmless: every insert ignores rows that already exist.
 */
export async function seedState(
  db: Kysely<StateDatabase>,
  residents: readonly ResidentFacts[],
): Promise<void> {
  const known = residents.filter(
    ({ state }) =>
      state.passport !== null ||
      state.renewalApplication !== null ||
      state.childApplication !== null,
  );
  if (known.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const stateIds = await linkResidents(
      trx,
      known.map((r) => r.id),
    );
    const passports: Insertable<StateDatabase['passport']>[] = [];
    const renewals: Insertable<StateDatabase['renewal_application']>[] = [];
    const children: Insertable<StateDatabase['child_passport_application']>[] = [];
    for (const { id, state } of known) {
      const state_id = stateIds.get(id)!;
      if (state.passport) {
        passports.push({
          state_id,
          issued_on: state.passport.issuedOn,
          expires_on: state.passport.expiresOn,
          validity_years: state.passport.validityYears,
          name_changed: state.passport.nameChanged ? 1 : 0,
        });
      }
      if (state.renewalApplication) {
        const { status, submittedOn, changedOn, expedited } = state.renewalApplication;
        renewals.push({
          state_id,
          status,
          submitted_on: submittedOn,
          changed_on: changedOn,
          expedited: expedited ? 1 : 0,
        });
      }
      if (state.childApplication) {
        const { childGivenName, childBirthDate, status, submittedOn, changedOn } =
          state.childApplication;
        children.push({
          state_id,
          child_given_name: childGivenName,
          child_birth_date: childBirthDate,
          status,
          submitted_on: submittedOn,
          changed_on: changedOn,
          expedited: 0,
        });
      }
    }
    for (let i = 0; i < passports.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto('passport')
        .values(passports.slice(i, i + ROWS_PER_INSERT))
        .onConflict((c) => c.doNothing())
        .execute();
    }
    for (let i = 0; i < renewals.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto('renewal_application')
        .values(renewals.slice(i, i + ROWS_PER_INSERT))
        .onConflict((c) => c.doNothing())
        .execute();
    }
    for (let i = 0; i < children.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto('child_passport_application')
        .values(children.slice(i, i + ROWS_PER_INSERT))
        .onConflict((c) => c.doNothing())
        .execute();
    }
  });
}

/**
 * Gives each resident a Department of State customer id, numbered on from the highest one issued,
 * and returns every resident's id as stored: a resident seeded before keeps the id they were given.
 */
async function linkResidents(
  trx: Kysely<StateDatabase>,
  residentIds: readonly string[],
): Promise<Map<string, string>> {
  const { last } = await trx
    .selectFrom('resident_link')
    .select((eb) => eb.fn.max('state_id').as('last'))
    .executeTakeFirstOrThrow();
  let next = last ? Number(last.slice(STATE_ID_PREFIX.length)) + 1 : 1;
  const links = residentIds.map((resident_id) => ({ resident_id, state_id: stateId(next++) }));
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
      .select(['resident_id', 'state_id'])
      .where('resident_id', 'in', residentIds.slice(i, i + MAX_KEYS_PER_QUERY))
      .execute();
    for (const row of rows) stored.set(row.resident_id, row.state_id);
  }
  return stored;
}

export async function isStateSeeded(db: Kysely<StateDatabase>): Promise<boolean> {
  return (
    (await db.selectFrom('resident_link').select('resident_id').limit(1).executeTakeFirst()) !==
    undefined
  );
}
