import { groupedInKeyOrder, MAX_KEYS_PER_QUERY, type Kysely } from '@resident-graph/store';
import DataLoader from 'dataloader';
import type { LifeEventsDatabase } from '../store/database.js';
import type { DeclarationRow, NotificationRow } from './declaration.store.js';

/** Each resident's declarations, newest first: one query per batch. */
export function createResidentDeclarationsLoader(db: Kysely<LifeEventsDatabase>) {
  return new DataLoader<string, DeclarationRow[]>(
    async (residentIds) => {
      const rows = await db
        .selectFrom('declaration')
        .selectAll()
        .where('resident_id', 'in', [...residentIds])
        .orderBy('declared_at', 'desc')
        .execute();
      return groupedInKeyOrder(residentIds, rows, (row) => row.resident_id);
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}

/** Each declaration's notifications in the journey's order: one query per batch. */
export function createDeclarationNotificationsLoader(db: Kysely<LifeEventsDatabase>) {
  return new DataLoader<string, NotificationRow[]>(
    async (declarationIds) => {
      const rows = await db
        .selectFrom('declaration_notification')
        .selectAll()
        .where('declaration_id', 'in', [...declarationIds])
        .orderBy('position')
        .execute();
      return groupedInKeyOrder(declarationIds, rows, (row) => row.declaration_id);
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}
