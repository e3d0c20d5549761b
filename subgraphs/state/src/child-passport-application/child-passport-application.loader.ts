import { groupedInKeyOrder, MAX_KEYS_PER_QUERY, type Kysely } from '@resident-graph/store';
import DataLoader from 'dataloader';
import type {
  PassportApplicationFacts,
  PassportApplicationStatus,
} from '../domain/passport-status.js';
import type { StateDatabase } from '../store/database.js';

export interface ChildPassportApplicationFacts extends PassportApplicationFacts {
  childGivenName: string;
}

/**
 * The application for the resident's youngest child, by platform resident id: one query per batch,
 * `null` when there is none. The task follows the newest child, the one the life event is about.
 */
export function createChildPassportApplicationLoader(db: Kysely<StateDatabase>) {
  return new DataLoader<string, ChildPassportApplicationFacts | null>(
    async (residentIds) => {
      const rows = await db
        .selectFrom('resident_link as l')
        .innerJoin('child_passport_application as a', 'a.state_id', 'l.state_id')
        .select([
          'l.resident_id',
          'a.child_given_name',
          'a.status',
          'a.submitted_on',
          'a.changed_on',
          'a.expedited',
        ])
        .where('l.resident_id', 'in', [...residentIds])
        .orderBy('a.child_birth_date', 'desc')
        .execute();
      return groupedInKeyOrder(residentIds, rows, (row) => row.resident_id).map(([youngest]) =>
        youngest
          ? {
              childGivenName: youngest.child_given_name,
              status: youngest.status as PassportApplicationStatus,
              submittedOn: youngest.submitted_on,
              changedOn: youngest.changed_on,
              expedited: youngest.expedited === 1,
            }
          : null,
      );
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}
