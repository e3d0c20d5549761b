import type { ResidentFacts } from '@resident-graph/personas';
import {
  hasResidentLinks,
  insertIgnoringExisting,
  isPostgres,
  linkResidents,
  sql,
  type Insertable,
  type Kysely,
} from '@resident-graph/store';
import type { SsaDatabase } from './database.js';

const SSA_IDS = { idColumn: 'ssa_id', prefix: 'SSA-B-' } as const;

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
    // SSA's links reference its number holders, and a holder's SSA id exists only once linked:
    // The foreign keys are checked at commit, when both are written (both statements end with it).
    if (isPostgres(trx)) await sql`set constraints all deferred`.execute(trx);
    else await sql`pragma defer_foreign_keys = on`.execute(trx);
    const ssaIds = await linkResidents(
      trx,
      SSA_IDS,
      residents.map((r) => r.id),
    );
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
    await insertIgnoringExisting(trx, 'number_holder', holders);
    await insertIgnoringExisting(trx, 'retirement_application', applications);
    await insertIgnoringExisting(trx, 'newborn_card_request', cards);
    await insertIgnoringExisting(trx, 'address_change', addressChanges);
  });
}

export function isSsaSeeded(db: Kysely<SsaDatabase>): Promise<boolean> {
  return hasResidentLinks(db);
}
