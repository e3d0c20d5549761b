import { groupedInKeyOrder, type Kysely } from '@resident-graph/store';
import DataLoader from 'dataloader';
import type { LifeEventKind } from '../domain/life-event-kind.js';
import type { ResidentLifeEvent } from '../domain/resident-life-events.js';
import type { LifeEventsDatabase } from '../store/database.js';

/** Each resident's life events (active or not): one query per request, however many residents. */
export function createResidentLifeEventsLoader(db: Kysely<LifeEventsDatabase>) {
  return new DataLoader<string, ResidentLifeEvent[]>(async (residentIds) => {
    const rows = await db
      .selectFrom('resident_life_event')
      .selectAll()
      .where('resident_id', 'in', [...residentIds])
      .execute();
    return groupedInKeyOrder(residentIds, rows, (row) => row.resident_id).map((events) =>
      events.map((row) => ({
        kind: row.kind as LifeEventKind,
        startedOn: row.started_on,
        endsOn: row.ends_on,
      })),
    );
  });
}
