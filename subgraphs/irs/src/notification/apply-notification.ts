import type { NotificationHandler } from '@resident-graph/federation';
import { applyOnce, readBirthNotice, readMoveNotice } from '@resident-graph/notifications';
import { linkResidents } from '@resident-graph/store';
import type { IrsDatabase } from '../store/database.js';

const IRS_IDS = { idColumn: 'irs_id', prefix: 'IRS-T-' } as const;

/**
 * What the IRS does with a resident's declarations (tell us once): a move is a change of address
 * (Form 8822), received today and processed in 4 to 6 weeks, as the task's status says. Anyone may
 * send one, so a resident without an IRS account yet gets one opened for it. A birth adds a
 * qualifying child for the child tax credit of the year of birth.
 */
export const irsNotifications: NotificationHandler<IrsDatabase> = {
  agency: 'IRS',
  apply: ({ store, clock }, notification) =>
    applyOnce(store.db, notification, async (trx) => {
      const ids = await linkResidents(trx, IRS_IDS, [notification.residentId]);
      const irsId = ids.get(notification.residentId)!;
      const today = clock.today();
      if (notification.kind === 'BIRTH') {
        // One more qualifying child for the year of birth; applyOnce makes it one per notice.
        const birth = readBirthNotice(notification);
        await trx
          .insertInto('child_tax_credit')
          .values({
            irs_id: irsId,
            tax_year: Number(birth.childBirthDate.slice(0, 4)),
            qualifying_children: 1,
          })
          .onConflict((c) =>
            c.columns(['irs_id', 'tax_year']).doUpdateSet((eb) => ({
              qualifying_children: eb('child_tax_credit.qualifying_children', '+', 1),
            })),
          )
          .execute();
        return { result: 'APPLIED', reason: null };
      }
      const move = readMoveNotice(notification);
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
