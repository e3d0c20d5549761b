import type { ResidentFacts } from '@resident-graph/personas';
import { insertIgnoringExisting, type Kysely } from '@resident-graph/store';
import { lifeEventsFromFacts } from '../domain/resident-life-events.js';
import type { LifeEventsDatabase } from './database.js';

/** Writes each resident's life events, as their agency records show them (the catalog is a migration). */
export async function seedLifeEvents(
  db: Kysely<LifeEventsDatabase>,
  residents: readonly ResidentFacts[],
): Promise<void> {
  const rows = residents.flatMap((facts) =>
    lifeEventsFromFacts(facts).map((event) => ({
      resident_id: facts.id,
      kind: event.kind,
      started_on: event.startedOn,
      ends_on: event.endsOn,
    })),
  );
  await db.transaction().execute(async (trx) => {
    await insertIgnoringExisting(trx, 'resident_life_event', rows);
  });
}

export async function isLifeEventsSeeded(db: Kysely<LifeEventsDatabase>): Promise<boolean> {
  return (
    (await db
      .selectFrom('resident_life_event')
      .select('resident_id')
      .limit(1)
      .executeTakeFirst()) !== undefined
  );
}
