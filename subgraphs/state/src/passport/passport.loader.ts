import { groupedInKeyOrder, MAX_KEYS_PER_QUERY, type Kysely } from '@resident-graph/store';
import DataLoader from 'dataloader';
import type { PassportFacts } from '../domain/online-renewal.js';
import type {
  PassportApplicationFacts,
  PassportApplicationStatus,
} from '../domain/passport-status.js';
import type { StateDatabase } from '../store/database.js';

/** A resident's current passport and latest renewal application, either of which may be missing. */
export interface PassportRecord {
  passport: PassportFacts | null;
  renewal: PassportApplicationFacts | null;
}

/**
 * Passport records by platform resident id, one query per batch; `null` for a resident the
 * Department of State has no record of. Both `Resident.passport` and `PassportRenewal` read it.
 */
export function createPassportRecordLoader(db: Kysely<StateDatabase>) {
  return new DataLoader<string, PassportRecord | null>(
    async (residentIds) => {
      const rows = await db
        .selectFrom('resident_link as l')
        .leftJoin('passport as p', 'p.state_id', 'l.state_id')
        .leftJoin('renewal_application as r', 'r.state_id', 'l.state_id')
        .select([
          'l.resident_id',
          'p.issued_on',
          'p.expires_on',
          'p.validity_years',
          'p.name_changed',
          'r.status as renewal_status',
          'r.submitted_on as renewal_submitted_on',
          'r.changed_on as renewal_changed_on',
          'r.expedited as renewal_expedited',
        ])
        .where('l.resident_id', 'in', [...residentIds])
        // Latest renewal application first; rows without one sort last.
        .orderBy('r.submitted_on', 'desc')
        .execute();
      return groupedInKeyOrder(residentIds, rows, (row) => row.resident_id).map(([latest]) => {
        if (!latest) return null;
        return {
          passport:
            latest.issued_on !== null &&
            latest.expires_on !== null &&
            latest.validity_years !== null
              ? {
                  issuedOn: latest.issued_on,
                  expiresOn: latest.expires_on,
                  validityYears: latest.validity_years,
                  nameChanged: latest.name_changed === 1,
                }
              : null,
          renewal:
            latest.renewal_status !== null && latest.renewal_submitted_on !== null
              ? {
                  status: latest.renewal_status as PassportApplicationStatus,
                  submittedOn: latest.renewal_submitted_on,
                  changedOn: latest.renewal_changed_on,
                  expedited: latest.renewal_expedited === 1,
                }
              : null,
        };
      });
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}
