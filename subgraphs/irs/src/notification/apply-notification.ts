import type { NotificationHandler } from '@resident-graph/federation';
import { applyOnce, readMoveNotice } from '@resident-graph/notifications';
import { linkResidents } from '@resident-graph/store';
import type { IrsDatabase } from '../store/database.js';

const IRS_IDS = { idColumn: 'irs_id', prefix: 'IRS-T-' } as const;

/**
 * What the IRS does with a resident's declarations (tell us once): a move is a change of address
 * (Form 8822), received today and processed in 4 to 6 weeks, as the task's status says. Anyone may
 * send one, so a resident without an IRS account yet gets one opened for it.
 */
export const irsNotifications: NotificationHandler<IrsDatabase> = {
  agency: 'IRS',
  apply: ({ store, clock }, notification) =>
    applyOnce(store.db, notification, async (trx) => {
      const move = readMoveNotice(notification);
      const ids = await linkResidents(trx, IRS_IDS, [notification.residentId]);
      const irsId = ids.get(notification.residentId)!;
      const today = clock.today();
      await trx
        .insertInto('address_change')
        .values({
          irs_id: irsId,
          submitted_on: today,
          processed_on: null,
          new_address: JSON.stringify(move.newAddress),
        })
        .onConflict((c) =>
          c
            .columns(['irs_id', 'submitted_on'])
            .doUpdateSet({ processed_on: null, new_address: JSON.stringify(move.newAddress) }),
        )
        .execute();
      return { result: 'APPLIED', reason: null };
    }),
};
