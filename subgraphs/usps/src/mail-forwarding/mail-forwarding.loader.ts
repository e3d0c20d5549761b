import { groupedInKeyOrder, MAX_KEYS_PER_QUERY, type Kysely } from '@resident-graph/store';
import DataLoader from 'dataloader';
import type {
  ChangeOfAddressFacts,
  ChangeOfAddressStatus,
  ForwardingDestination,
} from '../domain/mail-forwarding.js';
import type { UspsDatabase } from '../store/database.js';

export interface ChangeOfAddressRecord extends ChangeOfAddressFacts {
  destination: ForwardingDestination;
}

/**
 * The resident's latest change-of-address request, by platform resident id: one query per batch,
 * `null` for none. Street lines, ZIP codes and the old address are never selected: nothing the
 * graph returns needs them, so they never leave the store.
 */
export function createChangeOfAddressLoader(db: Kysely<UspsDatabase>) {
  return new DataLoader<string, ChangeOfAddressRecord | null>(
    async (residentIds) => {
      const rows = await db
        .selectFrom('resident_link as l')
        .innerJoin('change_of_address as c', 'c.usps_id', 'l.usps_id')
        .select([
          'l.resident_id',
          'c.status',
          'c.submitted_on',
          'c.effective_on',
          'c.changed_on',
          'c.new_city',
          'c.new_state',
        ])
        .where('l.resident_id', 'in', [...residentIds])
        .orderBy('c.submitted_on', 'desc')
        .execute();
      return groupedInKeyOrder(residentIds, rows, (row) => row.resident_id).map(([latest]) =>
        latest
          ? {
              status: latest.status as ChangeOfAddressStatus,
              submittedOn: latest.submitted_on,
              effectiveOn: latest.effective_on,
              changedOn: latest.changed_on,
              destination: { city: latest.new_city, state: latest.new_state },
            }
          : null,
      );
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}
