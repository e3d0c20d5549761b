import type { NotificationHandler } from '@resident-graph/federation';
import { applyOnce, readMoveNotice } from '@resident-graph/notifications';
import type { SsaDatabase } from '../store/database.js';

/**
 * What SSA does with a resident's declarations (tell us once): a move updates the address on the
 * resident's Social Security record. SSA can update only a record it holds; without one, the
 * resident is told to contact SSA (refused, not retried: retrying cannot create a record).
 */
export const ssaNotifications: NotificationHandler<SsaDatabase> = {
  agency: 'SSA',
  apply: ({ store, clock }, notification) =>
    applyOnce(store.db, notification, async (trx) => {
      const move = readMoveNotice(notification);
      const link = await trx
        .selectFrom('resident_link')
        .select('ssa_id')
        .where('resident_id', '=', notification.residentId)
        .executeTakeFirst();
      if (!link) {
        return {
          result: 'REFUSED',
          reason:
            'Social Security has no record linked to your sign-in, so we could not update your address there. Update it at ssa.gov or call 1-800-772-1213.',
        };
      }
      const today = clock.today();
      // An online address change takes effect at once: received and completed the same day.
      await trx
        .insertInto('address_change')
        .values({
          ssa_id: link.ssa_id,
          submitted_on: today,
          completed_on: today,
          new_address: JSON.stringify(move.newAddress),
        })
        .onConflict((c) =>
          c.columns(['ssa_id', 'submitted_on']).doUpdateSet({
            completed_on: today,
            new_address: JSON.stringify(move.newAddress),
          }),
        )
        .execute();
      return { result: 'APPLIED', reason: null };
    }),
};
