import { inKeyOrder, MAX_KEYS_PER_QUERY, type Kysely } from '@resident-graph/store';
import DataLoader from 'dataloader';
import type { VaDatabase } from '../store/database.js';
import { VaCase } from './case.type.js';

/** The resident's case by platform resident id: one query per batch, `null` for none. */
export function createCaseLoader(db: Kysely<VaDatabase>) {
  return new DataLoader<string, VaCase | null>(
    async (residentIds) => {
      const rows = await db
        .selectFrom('resident_link as l')
        .innerJoin('va_case as c', 'c.va_id', 'l.va_id')
        .select(['l.resident_id', 'c.va_id', 'c.opened_on', 'c.summary'])
        .where('l.resident_id', 'in', [...residentIds])
        .execute();
      return inKeyOrder(residentIds, rows, (row) => row.resident_id).map((row) =>
        row
          ? Object.assign(new VaCase(), {
              residentId: row.resident_id,
              caseNumber: row.va_id,
              openedOn: row.opened_on,
              summary: row.summary,
            })
          : null,
      );
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}
