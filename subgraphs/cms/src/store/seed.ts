import type { ResidentFacts } from '@resident-graph/personas';
import type { Insertable, Kysely } from '@resident-graph/store';
import { isEnrolledAutomatically } from '../domain/automatic-enrollment.js';
import type { CmsDatabase } from './database.js';
import { MAX_VARIABLES } from './limits.js';

const ID_PREFIX = 'CMS-B-';
const formatCmsId = (n: number) => `${ID_PREFIX}${String(n).padStart(9, '0')}`;

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
    const cmsIds = await linkResidents(trx, residents);
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
    const links = [...cmsIds].map(([resident_id, cms_id]) => ({ resident_id, cms_id }));
    for (const rows of inChunks(links)) {
      await trx
        .insertInto('resident_link')
        .values(rows)
        .onConflict((c) => c.doNothing())
        .execute();
    }
    for (const rows of inChunks(beneficiaries)) {
      await trx
        .insertInto('medicare_beneficiary')
        .values(rows)
        .onConflict((c) => c.doNothing())
        .execute();
    }
  });
}

/** CMS ids for `residents`: the existing link where there is one, else the next unused id. */
async function linkResidents(
  db: Kysely<CmsDatabase>,
  residents: readonly ResidentFacts[],
): Promise<Map<string, string>> {
  const ids = [...new Set(residents.map((r) => r.id))];
  const linked = new Map<string, string>();
  for (let i = 0; i < ids.length; i += MAX_VARIABLES) {
    const rows = await db
      .selectFrom('resident_link')
      .select(['resident_id', 'cms_id'])
      .where('resident_id', 'in', ids.slice(i, i + MAX_VARIABLES))
      .execute();
    for (const row of rows) linked.set(row.resident_id, row.cms_id);
  }
  // Zero-padded ids sort in number order, so the greatest is the last one issued.
  const last = await db
    .selectFrom('resident_link')
    .select('cms_id')
    .orderBy('cms_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  let next = last ? Number(last.cms_id.slice(ID_PREFIX.length)) + 1 : 1;
  const result = new Map<string, string>();
  for (const id of ids) result.set(id, linked.get(id) ?? formatCmsId(next++));
  return result;
}

/** Rows split so one INSERT stays under SQLite's bound-variable limit. */
function* inChunks<T extends object>(rows: readonly T[]): Generator<T[]> {
  if (rows.length === 0) return;
  const size = Math.floor(MAX_VARIABLES / Object.keys(rows[0]!).length);
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

export async function isCmsSeeded(db: Kysely<CmsDatabase>): Promise<boolean> {
  return (
    (await db.selectFrom('resident_link').select('resident_id').limit(1).executeTakeFirst()) !==
    undefined
  );
}
