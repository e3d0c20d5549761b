import { groupedInKeyOrder, MAX_KEYS_PER_QUERY, type Kysely } from '@resident-graph/store';
import DataLoader from 'dataloader';
import type { EFileStatus, RefundStatus, TaxReturnFacts } from '../domain/refund.js';
import type { IrsDatabase } from '../store/database.js';

/** The resident's latest filed return, by platform resident id: one query per batch, `null` for none. */
export function createTaxReturnLoader(db: Kysely<IrsDatabase>) {
  return new DataLoader<string, TaxReturnFacts | null>(
    async (residentIds) => {
      const rows = await db
        .selectFrom('resident_link as l')
        .innerJoin('tax_return as t', 't.irs_id', 'l.irs_id')
        .select([
          'l.resident_id',
          't.tax_year',
          't.filed_on',
          't.efile_status',
          't.direct_deposit',
          't.refund_status',
          't.refund_amount',
          't.changed_on',
        ])
        .where('l.resident_id', 'in', [...residentIds])
        .orderBy('t.tax_year', 'desc')
        .execute();
      return groupedInKeyOrder(residentIds, rows, (row) => row.resident_id).map(([latest]) =>
        latest
          ? {
              taxYear: latest.tax_year,
              filedOn: latest.filed_on,
              eFileStatus: latest.efile_status as EFileStatus | null,
              directDeposit: latest.direct_deposit === 1,
              refundStatus: latest.refund_status as RefundStatus,
              refundAmount: latest.refund_amount,
              changedOn: latest.changed_on,
            }
          : null,
      );
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}
