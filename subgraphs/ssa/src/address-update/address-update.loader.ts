import { groupedInKeyOrder, MAX_KEYS_PER_QUERY, type Kysely } from '@resident-graph/store';
import DataLoader from 'dataloader';
import type { AddressChangeFacts } from '../domain/address-update-status.js';
import type { SsaDatabase } from '../store/database.js';

/** The resident's latest address change with SSA, by resident id: one query per batch. */
export function createAddressChangeLoader(db: Kysely<SsaDatabase>) {
  return new DataLoader<string, AddressChangeFacts | null>(
    async (residentIds) => {
      const rows = await db
        .selectFrom('resident_link as l')
        .innerJoin('address_change as c', 'c.ssa_id', 'l.ssa_id')
        .select(['l.resident_id', 'c.submitted_on', 'c.completed_on'])
        .where('l.resident_id', 'in', [...residentIds])
        .orderBy('c.submitted_on', 'desc')
        .execute();
      return groupedInKeyOrder(residentIds, rows, (row) => row.resident_id).map(([latest]) =>
        latest ? { submittedOn: latest.submitted_on, completedOn: latest.completed_on } : null,
      );
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}
