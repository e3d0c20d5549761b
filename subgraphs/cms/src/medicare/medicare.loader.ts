import { inKeyOrder, MAX_KEYS_PER_QUERY, type Kysely } from '@resident-graph/store';
import DataLoader from 'dataloader';
import { NO_MEDICARE_RECORD, type MedicareRecord } from '../domain/medicare-status.js';
import type { CmsDatabase } from '../store/database.js';

/**
 * Medicare records by platform resident id: one query per batch. A resident CMS has nothing on is
 * simply not enrolled, so every key gets a record.
 */
export function createMedicareLoader(db: Kysely<CmsDatabase>) {
  return new DataLoader<string, MedicareRecord>(
    async (residentIds) => {
      const rows = await db
        .selectFrom('resident_link as l')
        .innerJoin('medicare_beneficiary as m', 'm.cms_id', 'l.cms_id')
        .select([
          'l.resident_id',
          'm.part_a',
          'm.part_b',
          'm.changed_on',
          'm.coverage_starts_on',
          'm.enrolled_automatically',
        ])
        .where('l.resident_id', 'in', [...residentIds])
        .execute();
      return inKeyOrder(residentIds, rows, (row) => row.resident_id).map((row) =>
        row
          ? {
              partA: row.part_a,
              partB: row.part_b,
              changedOn: row.changed_on,
              coverageStartsOn: row.coverage_starts_on,
              enrolledAutomatically: row.enrolled_automatically === 1,
            }
          : NO_MEDICARE_RECORD,
      );
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}
