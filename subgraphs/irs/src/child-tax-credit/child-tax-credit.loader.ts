import { groupedInKeyOrder, MAX_KEYS_PER_QUERY, type Kysely } from '@resident-graph/store';
import DataLoader from 'dataloader';
import type { ChildTaxCreditFacts } from '../domain/child-tax-credit.js';
import type { IrsDatabase } from '../store/database.js';

/** The resident's latest child tax credit year, by platform resident id: one query per batch, `null` for none. */
export function createChildTaxCreditLoader(db: Kysely<IrsDatabase>) {
  return new DataLoader<string, ChildTaxCreditFacts | null>(
    async (residentIds) => {
      const rows = await db
        .selectFrom('resident_link as l')
        .innerJoin('child_tax_credit as c', 'c.irs_id', 'l.irs_id')
        .select(['l.resident_id', 'c.tax_year', 'c.qualifying_children'])
        .where('l.resident_id', 'in', [...residentIds])
        .orderBy('c.tax_year', 'desc')
        .execute();
      return groupedInKeyOrder(residentIds, rows, (row) => row.resident_id).map(([latest]) =>
        latest
          ? { taxYear: latest.tax_year, qualifyingChildren: latest.qualifying_children }
          : null,
      );
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}
