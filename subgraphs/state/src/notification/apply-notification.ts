import type { NotificationHandler } from '@resident-graph/federation';
import { applyOnce, readBirthNotice, readMoveNotice } from '@resident-graph/notifications';
import { linkResidents } from '@resident-graph/store';
import type { StateDatabase } from '../store/database.js';

/**
 * What the Department of State does with a resident's declarations (tell us once): a move changes
 * where passport mail goes (a book being printed, renewal reminders). Only a passport holder or
 * applicant has a record to change; anyone else is told there is nothing to update.
 */
const STATE_IDS = { idColumn: 'state_id', prefix: 'DOS-C-' } as const;

export const stateNotifications: NotificationHandler<StateDatabase> = {
  agency: 'STATE',
  apply: ({ store, clock }, notification) =>
    applyOnce(store.db, notification, async (trx) => {
      if (notification.kind === 'BIRTH') {
        // A child's first passport is applied for in person (DS-11): the Department opens it so the
        // parent sees what to bring; it stays NOT_AVAILABLE until they apply.
        const birth = readBirthNotice(notification);
        const ids = await linkResidents(trx, STATE_IDS, [notification.residentId]);
        await trx
          .insertInto('child_passport_application')
          .values({
            state_id: ids.get(notification.residentId)!,
            child_given_name: birth.childGivenName,
            child_birth_date: birth.childBirthDate,
            status: 'NOT_AVAILABLE',
            submitted_on: null,
            changed_on: clock.today(),
            expedited: 0,
          })
          .onConflict((c) =>
            c.columns(['state_id', 'child_birth_date', 'child_given_name']).doNothing(),
          )
          .execute();
        return { result: 'APPLIED', reason: null };
      }
      const move = readMoveNotice(notification);
      const link = await trx
        .selectFrom('resident_link')
        .select('state_id')
        .where('resident_id', '=', notification.residentId)
        .executeTakeFirst();
      if (!link) {
        return {
          result: 'REFUSED',
          reason:
            'You have no passport record with the Department of State, so there was no mailing address to update. Use your new address when you apply for a passport.',
        };
      }
      const row = {
        address: JSON.stringify(move.newAddress),
        effective_on: move.movedOn,
        changed_on: clock.today(),
      };
      await trx
        .insertInto('passport_mailing_address')
        .values({ state_id: link.state_id, ...row })
        .onConflict((c) => c.column('state_id').doUpdateSet(row))
        .execute();
      return { result: 'APPLIED', reason: null };
    }),
};
