import {
  type Agency,
  assertMayReadResident,
  Protect,
  requireResident,
} from '@resident-graph/federation';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { LifeEventsContext } from '../context.js';
import { DeclarationInputError } from '../declaration/declaration.errors.js';
import { ResidentRef } from '../resident/resident.ref.js';
import { MAX_FEED_ITEMS } from './resident-notification.loader.js';
import { NotificationFeed, ResidentNotification } from './resident-notification.type.js';

/** The resident's own news: part of their journeys. */
const journeys = { scopes: ['journey:read'] } as const;

/**
 * `me.notifications` and marking them read. New ones are written where an agency's outcome is
 * recorded (the outbox), in the same transaction; the rows are the model a live channel
 * (subscriptions or server-sent events) would stream, so adding one changes nothing here.
 */
@Resolver(() => ResidentRef)
export class ResidentNotificationResolver {
  @Protect(journeys)
  @FieldResolver(() => NotificationFeed, {
    description: 'What agencies did with what you told us, newest first, with how many are unread.',
  })
  async notifications(
    @Root() resident: ResidentRef,
    @Arg('first', () => Int, { defaultValue: 20, description: `At most ${MAX_FEED_ITEMS}.` })
    first: number,
    @Ctx() { caller, loaders }: LifeEventsContext,
  ): Promise<NotificationFeed> {
    assertMayReadResident(caller, resident.id);
    if (first < 0 || first > MAX_FEED_ITEMS) {
      throw new DeclarationInputError('BAD_USER_INPUT', `first must be 0 to ${MAX_FEED_ITEMS}.`, {
        field: 'first',
      });
    }
    const feed = await loaders.notificationFeed.load(resident.id);
    return Object.assign(new NotificationFeed(), {
      unreadCount: feed.unreadCount,
      items: feed.rows.slice(0, first).map((row) =>
        Object.assign(new ResidentNotification(), {
          id: row.id,
          agency: row.agency as Agency,
          title: row.title,
          body: row.body,
          actionRequired: row.action_required === 1,
          createdAt: row.created_at,
          read: row.read_at !== null,
        }),
      ),
    });
  }

  @Protect(journeys)
  @Mutation(() => Int, {
    description:
      'Marks your notifications read (those named, or all of them); answers how many changed. Marking one twice changes nothing.',
  })
  async markNotificationsRead(
    @Arg('ids', () => [ID], { nullable: true }) ids: string[] | null | undefined,
    @Ctx() { caller, store }: LifeEventsContext,
  ): Promise<number> {
    const residentId = requireResident(caller);
    if (ids && ids.length > MAX_FEED_ITEMS) {
      throw new DeclarationInputError('BAD_USER_INPUT', `Name at most ${MAX_FEED_ITEMS} ids.`, {
        field: 'ids',
      });
    }
    let update = store
      .updateTable('resident_notification')
      .set({ read_at: new Date().toISOString() })
      // Only the caller's own: another resident's ids simply match nothing.
      .where('resident_id', '=', residentId)
      .where('read_at', 'is', null);
    if (ids) update = update.where('id', 'in', ids.length > 0 ? ids : ['']);
    const result = await update.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
