import type { ResidentFacts } from '@resident-graph/personas';
import {
  hasResidentLinks,
  insertIgnoringExisting,
  linkResidents,
  type Insertable,
  type Kysely,
} from '@resident-graph/store';
import { isEnrolledAutomatically } from '../domain/automatic-enrollment.js';
import type { CmsDatabase } from './database.js';

const CMS_IDS = { idColumn: 'cms_id', prefix: 'CMS-B-' } as const;

/**
 * Writes CMS's part of a batch of synthetic residents in one transaction. Each new resident gets the
 * next CMS id (unrelated to the platform id); residents already linked keep theirs, and inserts ignore
 * existing rows, so re-seeding is harmless. A Medicare record is written only where there is something
 * to record. The automatic-enrollment flag comes from the resident's SSA benefit start and birth date:
 * in reality SSA sends CMS this; the seed, holding both, derives it with the same rule.
 */
export async function seedCms(
  db: Kysely<CmsDatabase>,
  residents: readonly ResidentFacts[],
): Promise<void> {
  if (residents.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const cmsIds = await linkResidents(
      trx,
      CMS_IDS,
      residents.map((r) => r.id),
    );
    const beneficiaries: Insertable<CmsDatabase['medicare_beneficiary']>[] = [];
    for (const { id, identity, ssa, cms } of residents) {
      const automatic = isEnrolledAutomatically(identity.birthDate, ssa.benefitsStartedOn);
      if (cms.partA === 'NOT_ENROLLED' && cms.partB === 'NOT_ENROLLED' && !automatic) continue;
      beneficiaries.push({
        cms_id: cmsIds.get(id)!,
        part_a: cms.partA,
        part_b: cms.partB,
        changed_on: cms.changedOn,
        coverage_starts_on: cms.coverageStartsOn,
        enrolled_automatically: automatic ? 1 : 0,
      });
    }
    await insertIgnoringExisting(trx, 'medicare_beneficiary', beneficiaries);
  });
}

export function isCmsSeeded(db: Kysely<CmsDatabase>): Promise<boolean> {
  return hasResidentLinks(db);
}
