import type { NotificationHandler } from '@resident-graph/federation';
import { applyOnce, readMoveNotice } from '@resident-graph/notifications';
import { linkResidents } from '@resident-graph/store';
import type { UspsDatabase } from '../store/database.js';

const USPS_IDS = { idColumn: 'usps_id', prefix: 'USPS-C-' } as const;

/**
 * What the Postal Service does with a resident's declarations (tell us once): a move becomes a
 * change-of-address request, SUBMITTED today, forwarding from the moving day once validated.
 * The old address is the one a previous request forwarded to; the platform does not send the
 * resident's current address (identity owns it), so for a first request it is left blank and the
 * validation letter step is where the Postal Service confirms it.
 */
export const uspsNotifications: NotificationHandler<UspsDatabase> = {
  agency: 'USPS',
  apply: ({ store, clock }, notification) =>
    applyOnce(store.db, notification, async (trx) => {
      const move = readMoveNotice(notification);
      const ids = await linkResidents(trx, USPS_IDS, [notification.residentId]);
      const uspsId = ids.get(notification.residentId)!;
      const previous = await trx
        .selectFrom('change_of_address')
        .select(['new_line1', 'new_city', 'new_state', 'new_zip'])
        .where('usps_id', '=', uspsId)
        .orderBy('submitted_on', 'desc')
        .executeTakeFirst();
      const today = clock.today();
      const { newAddress } = move;
      const request = {
        effective_on: move.movedOn,
        status: 'SUBMITTED',
        changed_on: today,
        new_line1: newAddress.line2 ? `${newAddress.line1}, ${newAddress.line2}` : newAddress.line1,
        new_city: newAddress.city,
        new_state: newAddress.state,
        new_zip: newAddress.zip,
      };
      await trx
        .insertInto('change_of_address')
        .values({
          usps_id: uspsId,
          submitted_on: today,
          ...request,
          old_line1: previous?.new_line1 ?? '',
          old_city: previous?.new_city ?? '',
          old_state: previous?.new_state ?? '',
          old_zip: previous?.new_zip ?? '',
        })
        .onConflict((c) => c.columns(['usps_id', 'submitted_on']).doUpdateSet(request))
        .execute();
      return { result: 'APPLIED', reason: null };
    }),
};
