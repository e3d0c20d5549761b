import { inKeyOrder, MAX_KEYS_PER_QUERY, type Kysely } from '@resident-graph/store';
import DataLoader from 'dataloader';
import type { SsaDatabase } from '../store/database.js';

export interface NumberHolderRecord {
  ssn: string;
  primaryInsuranceAmount: number;
  benefitsStartedOn: string | null;
}

/** SSA's number-holder record by platform resident id: one query per batch, null when unknown. */
export function createNumberHolderLoader(db: Kysely<SsaDatabase>) {
  return new DataLoader<string, NumberHolderRecord | null>(
    async (residentIds) => {
      const rows = await db
        .selectFrom('resident_link as l')
        .innerJoin('number_holder as h', 'h.ssa_id', 'l.ssa_id')
        .select(['l.resident_id', 'h.ssn', 'h.primary_insurance_amount', 'h.benefits_started_on'])
        .where('l.resident_id', 'in', [...residentIds])
        .execute();
      return inKeyOrder(residentIds, rows, (row) => row.resident_id).map((row) =>
        row
          ? {
              ssn: row.ssn,
              primaryInsuranceAmount: row.primary_insurance_amount,
              benefitsStartedOn: row.benefits_started_on,
            }
          : null,
      );
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}
