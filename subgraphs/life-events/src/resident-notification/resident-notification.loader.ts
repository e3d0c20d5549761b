import { groupedInKeyOrder, MAX_KEYS_PER_QUERY, sql, type Kysely } from '@resident-graph/store';
import DataLoader from 'dataloader';
import type { LifeEventsDatabase } from '../store/database.js';

/** The most notifications a feed lists at once. */
export const MAX_FEED_ITEMS = 100;

export interface FeedRows {
  rows: LifeEventsDatabase['resident_notification'][];
  unreadCount: number;
}

/** Each resident's latest notifications and unread count: one query per batch. */
export function createNotificationFeedLoader(db: Kysely<LifeEventsDatabase>) {
  return new DataLoader<string, FeedRows>(
    async (residentIds) => {
      // The latest MAX_FEED_ITEMS per resident, however many residents the batch holds, each row
      // carrying its resident's unread count over all their notifications.
      const { rows } = await sql<LifeEventsDatabase['resident_notification'] & { unread: number }>`
        select * from (
          select n.*,
            row_number() over (partition by resident_id order by created_at desc, id desc) as position,
            sum(case when read_at is null then 1 else 0 end) over (partition by resident_id) as unread
          from resident_notification n where resident_id in (${sql.join([...residentIds])})
        ) ranked where position <= ${MAX_FEED_ITEMS} order by created_at desc, id desc
      `.execute(db);
      return groupedInKeyOrder(residentIds, rows, (row) => row.resident_id).map((list) => ({
        rows: list,
        unreadCount: Number(list[0]?.unread ?? 0),
      }));
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}
