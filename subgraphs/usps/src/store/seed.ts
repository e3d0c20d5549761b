import type { ResidentFacts } from '@resident-graph/personas';
import {
  hasResidentLinks,
  insertIgnoringExisting,
  linkResidents,
  type Insertable,
  type Kysely,
} from '@resident-graph/store';
import type { UspsDatabase } from './database.js';

const USPS_IDS = { idColumn: 'usps_id', prefix: 'USPS-C-' } as const;

/**
 * Writes the Postal Service's part of a batch of synthetic residents in one transaction. Only
 * residents with a change-of-address request get a customer id. Re-seeding is harmless: every
 * insert ignores rows that already exist.
 */
export async function seedUsps(
  db: Kysely<UspsDatabase>,
  residents: readonly ResidentFacts[],
): Promise<void> {
  const known = residents.filter(({ usps }) => usps.changeOfAddress !== null);
  if (known.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const uspsIds = await linkResidents(
      trx,
      USPS_IDS,
      known.map((r) => r.id),
    );
    const requests: Insertable<UspsDatabase['change_of_address']>[] = [];
    for (const { id, usps } of known) {
      const change = usps.changeOfAddress!;
      requests.push({
        usps_id: uspsIds.get(id)!,
        submitted_on: change.submittedOn,
        effective_on: change.effectiveOn,
        status: change.status,
        changed_on: change.changedOn,
        old_line1: change.oldAddress.line1,
        old_city: change.oldAddress.city,
        old_state: change.oldAddress.state,
        old_zip: change.oldAddress.zip,
        new_line1: change.newAddress.line1,
        new_city: change.newAddress.city,
        new_state: change.newAddress.state,
        new_zip: change.newAddress.zip,
      });
    }
    await insertIgnoringExisting(trx, 'change_of_address', requests);
  });
}

export function isUspsSeeded(db: Kysely<UspsDatabase>): Promise<boolean> {
  return hasResidentLinks(db);
}
