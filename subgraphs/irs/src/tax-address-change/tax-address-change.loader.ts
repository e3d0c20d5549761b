import { groupedInKeyOrder, MAX_KEYS_PER_QUERY, type Kysely } from '@resident-graph/store';
import DataLoader from 'dataloader';
import type { AddressChangeFacts } from '../domain/address-change.js';
import type { IrsDatabase } from '../store/database.js';

/** The resident's latest Form 8822, by platform resident id: one query per batch, `null` for none. */
export function createAddressChangeLoader(db: Kysely<IrsDatabase>) {
  return new DataLoader<string, AddressChangeFacts | null>(
    async (residentIds) => {
      const rows = await db
        .selectFrom('resident_link as l')
        .innerJoin('address_change as a', 'a.irs_id', 'l.irs_id')
        .select(['l.resident_id', 'a.submitted_on', 'a.processed_on'])
        .where('l.resident_id', 'in', [...residentIds])
        .orderBy('a.submitted_on', 'desc')
        .execute();
      return groupedInKeyOrder(residentIds, rows, (row) => row.resident_id).map(([latest]) =>
        latest ? { submittedOn: latest.submitted_on, processedOn: latest.processed_on } : null,
      );
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}
