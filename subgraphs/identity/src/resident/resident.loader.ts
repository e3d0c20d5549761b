import {
  inKeyOrder,
  MAX_KEYS_PER_QUERY,
  type Kysely,
  type Selectable,
} from '@resident-graph/store';
import DataLoader from 'dataloader';
import type { IdentityDatabase } from '../store/database.js';
import { AssuranceLevel, MailingAddress, Resident } from './resident.type.js';

type ResidentRow = Selectable<IdentityDatabase['resident']>;

/**
 * Residents by platform id: one query per batch, however many are asked for, up to
 * MAX_KEYS_PER_QUERY keys (more take a query per MAX_KEYS_PER_QUERY).
 */
export function createResidentLoader(db: Kysely<IdentityDatabase>) {
  return new DataLoader<string, Resident | null>(
    async (ids) => {
      const rows = await db
        .selectFrom('resident')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute();
      return inKeyOrder(ids, rows, (row) => row.id).map((row) => (row ? toResident(row) : null));
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}

function toResident(row: ResidentRow): Resident {
  return Object.assign(new Resident(), {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    birthDate: row.birth_date,
    mailingAddress: Object.assign(new MailingAddress(), {
      line1: row.address_line1,
      city: row.address_city,
      state: row.address_state,
      zip: row.address_zip,
    }),
    assuranceLevel: row.assurance as AssuranceLevel,
  });
}
