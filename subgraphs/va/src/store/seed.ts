import type { ResidentFacts } from '@resident-graph/personas';
import {
  hasResidentLinks,
  insertIgnoringExisting,
  linkResidents,
  type Insertable,
  type Kysely,
} from '@resident-graph/store';
import type { VaDatabase } from './database.js';

const VA_IDS = { idColumn: 'va_id', prefix: 'VA-V-' } as const;

/**
 * Writes VA's part of a batch of synthetic residents in one transaction. Only residents with
 * military service on record are linked: VA has no record of anyone else. Re-seeding is harmless:
 * inserts ignore existing rows.
 */
export async function seedVa(
  db: Kysely<VaDatabase>,
  residents: readonly ResidentFacts[],
): Promise<void> {
  const veterans = residents.filter((r) => r.va.service !== null);
  if (veterans.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const ids = await linkResidents(
      trx,
      VA_IDS,
      veterans.map((r) => r.id),
    );
    const service: Insertable<VaDatabase['military_service']>[] = [];
    const claims: Insertable<VaDatabase['disability_claim']>[] = [];
    const enrollments: Insertable<VaDatabase['health_care_enrollment']>[] = [];
    for (const { id, va } of veterans) {
      const vaId = ids.get(id)!;
      service.push({
        va_id: vaId,
        separation_on: va.service!.separationOn,
        combat_veteran: va.service!.combatVeteran ? 1 : 0,
      });
      if (va.disabilityClaim) {
        const { phase, filedOn, changedOn } = va.disabilityClaim;
        claims.push({ va_id: vaId, phase, filed_on: filedOn, changed_on: changedOn });
      }
      if (va.healthCareEnrolledOn) {
        enrollments.push({ va_id: vaId, enrolled_on: va.healthCareEnrolledOn });
      }
    }
    await insertIgnoringExisting(trx, 'military_service', service);
    await insertIgnoringExisting(trx, 'disability_claim', claims);
    await insertIgnoringExisting(trx, 'health_care_enrollment', enrollments);
  });
}

/** Only veterans are linked, so a world without any reads as unseeded; re-seeding it writes nothing. */
export function isVaSeeded(db: Kysely<VaDatabase>): Promise<boolean> {
  return hasResidentLinks(db);
}
