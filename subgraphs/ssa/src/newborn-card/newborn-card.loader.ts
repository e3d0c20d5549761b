import { groupedInKeyOrder, MAX_KEYS_PER_QUERY, type Kysely } from '@resident-graph/store';
import DataLoader from 'dataloader';
import type { NewbornCardFacts } from '../domain/newborn-card-status.js';
import type { SsaDatabase } from '../store/database.js';

/** The resident's most recent newborn card request, by resident id: one query per batch. */
export function createNewbornCardLoader(db: Kysely<SsaDatabase>) {
  return new DataLoader<string, NewbornCardFacts | null>(
    async (residentIds) => {
      const rows = await db
        .selectFrom('resident_link as l')
        .innerJoin('newborn_card_request as c', 'c.ssa_id', 'l.ssa_id')
        .select([
          'l.resident_id',
          'c.child_given_name',
          'c.requested_on',
          'c.status',
          'c.changed_on',
        ])
        .where('l.resident_id', 'in', [...residentIds])
        .orderBy('c.requested_on', 'desc')
        .execute();
      // Newest first, so a parent of more than one child sees the latest request.
      return groupedInKeyOrder(residentIds, rows, (row) => row.resident_id).map(([latest]) =>
        latest
          ? {
              childGivenName: latest.child_given_name,
              requestedOn: latest.requested_on,
              status: latest.status,
              changedOn: latest.changed_on,
            }
          : null,
      );
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}
