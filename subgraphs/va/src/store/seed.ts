import { addYears } from '@resident-graph/calendar';
import type { ResidentFacts } from '@resident-graph/personas';
import {
  hasResidentLinks,
  insertIgnoringExisting,
  linkResidents,
  type Insertable,
  type Kysely,
} from '@resident-graph/store';
import type { VaDatabase } from './database.js';

const VA_IDS = { idColumn: 'va_id', prefix: 'VA-C-' } as const;

/**
 * Writes VA's part of a batch of synthetic residents in one transaction. The sample: every resident
 * has a case opened on their 18th birthday. Replace it with facts from `ResidentFacts` once the
 * personas carry VA's data (internal/personas). Re-seeding is harmless: inserts ignore existing rows.
 */
export async function seedVa(
  db: Kysely<VaDatabase>,
  residents: readonly ResidentFacts[],
): Promise<void> {
  if (residents.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const ids = await linkResidents(
      trx,
      VA_IDS,
      residents.map((r) => r.id),
    );
    const cases: Insertable<VaDatabase['va_case']>[] = residents.map((r) => ({
      va_id: ids.get(r.id)!,
      opened_on: addYears(r.identity.birthDate, 18),
      summary: 'Registered with VA.',
    }));
    await insertIgnoringExisting(trx, 'va_case', cases);
  });
}

export function isVaSeeded(db: Kysely<VaDatabase>): Promise<boolean> {
  return hasResidentLinks(db);
}
