import type { ResidentFacts } from '@resident-graph/personas';
import {
  hasResidentLinks,
  insertIgnoringExisting,
  linkResidents,
  type Insertable,
  type Kysely,
} from '@resident-graph/store';
import type { StateDatabase } from './database.js';

const STATE_IDS = { idColumn: 'state_id', prefix: 'DOS-C-' } as const;

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
      STATE_IDS,
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
    await insertIgnoringExisting(trx, 'passport', passports);
    await insertIgnoringExisting(trx, 'renewal_application', renewals);
    await insertIgnoringExisting(trx, 'child_passport_application', children);
  });
}

export function isStateSeeded(db: Kysely<StateDatabase>): Promise<boolean> {
  return hasResidentLinks(db);
}
