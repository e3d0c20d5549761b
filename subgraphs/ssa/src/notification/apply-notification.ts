import type { NotificationHandler } from '@resident-graph/federation';
import { applyOnce, readBirthNotice, readMoveNotice } from '@resident-graph/notifications';
import type { SsaDatabase } from '../store/database.js';

/**
 * What SSA does with a resident's declarations (tell us once): a move updates the address on the
 * resident's Social Security record; a birth applies for the newborn's card. SSA can update only a record it holds; without one, the
 * resident is told to contact SSA (refused, not retried: retrying cannot create a record).
 */
export const ssaNotifications: NotificationHandler<SsaDatabase> = {
  agency: 'SSA',
  apply: ({ store, clock }, notification) =>
    applyOnce(store.db, notification, async (trx) => {
      const link = await trx
        .selectFrom('resident_link')
        .select('ssa_id')
        .where('resident_id', '=', notification.residentId)
        .executeTakeFirst();
      if (!link) {
        return {
          result: 'REFUSED',
          reason:
            'Social Security has no record linked to your sign-in, so we could not act on what you told us. Contact us at ssa.gov or call 1-800-772-1213.',
        };
      }
      const today = clock.today();
      if (notification.kind === 'BIRTH') {
        // The parent's application for the newborn's first card, as enumeration at birth files it.
        const birth = readBirthNotice(notification);
        await trx
          .insertInto('newborn_card_request')
          .values({
            ssa_id: link.ssa_id,
            child_given_name: birth.childGivenName,
            child_birth_date: birth.childBirthDate,
            requested_on: today,
            status: 'REQUESTED',
            changed_on: today,
          })
          .onConflict((c) =>
            c.columns(['ssa_id', 'child_birth_date', 'child_given_name']).doNothing(),
          )
          .execute();
        return { result: 'APPLIED', reason: null };
      }
      const move = readMoveNotice(notification);
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
