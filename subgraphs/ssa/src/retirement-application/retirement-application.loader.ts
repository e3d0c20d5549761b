import { inKeyOrder, MAX_KEYS_PER_QUERY, type Kysely } from '@resident-graph/store';
import DataLoader from 'dataloader';
import type { RetirementApplicationFacts } from '../domain/retirement-application-status.js';
import type { SsaDatabase } from '../store/database.js';

export interface RetirementApplicationRecord {
  application: RetirementApplicationFacts | null;
  benefitsStartedOn: string | null;
}

/** Retirement application (and benefit start) by resident id: one query per batch. */
export function createRetirementApplicationLoader(db: Kysely<SsaDatabase>) {
  return new DataLoader<string, RetirementApplicationRecord | null>(
    async (residentIds) => {
      const rows = await db
        .selectFrom('resident_link as l')
        .innerJoin('number_holder as h', 'h.ssa_id', 'l.ssa_id')
        .leftJoin('retirement_application as a', 'a.ssa_id', 'l.ssa_id')
        .select([
          'l.resident_id',
          'h.benefits_started_on',
          'a.status',
          'a.filed_on',
          'a.changed_on',
        ])
        .where('l.resident_id', 'in', [...residentIds])
        .execute();
      return inKeyOrder(residentIds, rows, (row) => row.resident_id).map((row) =>
        row
          ? {
              benefitsStartedOn: row.benefits_started_on,
              application:
                row.status && row.filed_on && row.changed_on
                  ? { status: row.status, filedOn: row.filed_on, changedOn: row.changed_on }
                  : null,
            }
          : null,
      );
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}
