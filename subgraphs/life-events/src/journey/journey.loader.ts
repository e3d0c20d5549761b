import { groupedInKeyOrder, MAX_KEYS_PER_QUERY, type Kysely } from '@resident-graph/store';
import DataLoader from 'dataloader';
import {
  isDeclaredLifeEventKind,
  type LifeEventDeclaration,
} from '../domain/resident-life-events.js';
import type { LifeEventsDatabase } from '../store/database.js';

/**
 * What each resident has told the platform (active or not): one query per batch, however many
 * residents. TURNING_65 is not here: it is derived from the birth date the gateway sends.
 */
export function createLifeEventDeclarationsLoader(db: Kysely<LifeEventsDatabase>) {
  return new DataLoader<string, LifeEventDeclaration[]>(
    async (residentIds) => {
      const rows = await db
        .selectFrom('resident_life_event')
        .selectAll()
        .where('resident_id', 'in', [...residentIds])
        .execute();
      return groupedInKeyOrder(residentIds, rows, (row) => row.resident_id).map((declarations) =>
        declarations.map(toDeclaration),
      );
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}

function toDeclaration(row: LifeEventsDatabase['resident_life_event']): LifeEventDeclaration {
  // The table's CHECK allows only declared kinds; anything else is a defect to surface (masked).
  if (!isDeclaredLifeEventKind(row.kind)) {
    throw new Error(
      `resident_life_event row of ${row.resident_id} has undeclarable kind ${row.kind}`,
    );
  }
  return { kind: row.kind, eventDate: row.event_date, declaredOn: row.declared_on };
}
