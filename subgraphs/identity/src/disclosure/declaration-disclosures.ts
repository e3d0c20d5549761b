import type { NotificationHandler } from '@resident-graph/federation';
import {
  applyOnce,
  DISCLOSURE_LOG_RECIPIENT,
  readDisclosureNotice,
  type DisclosureNotice,
  type Notification,
} from '@resident-graph/notifications';
import type { IdentityDatabase } from '../store/database.js';
import { appendDisclosuresIn, type Release } from './disclosure-log.js';

/** Whose records a declaration's disclosures are: the platform service the resident declared to. */
export const DECLARATIONS_HOLDER = 'life-events';

const declared: Record<string, string> = {
  MOVE: 'the move you reported',
  BIRTH: 'the birth you reported',
};

/** The purpose the resident reads: the declaration that told the agency, by its id. */
export function declarationPurpose(kind: string, declarationId: string): string {
  return `Tell us once: ${declared[kind] ?? 'what you reported'} (declaration ${declarationId})`;
}

/**
 * One disclosure per agency told: the fields it was sent, the declaration as purpose and case, and
 * the agency's own notification id as the request, so each record matches the outbox row and the
 * agency's applied notification.
 */
export function declarationReleases(
  notification: Notification,
  notice: DisclosureNotice,
): Release[] {
  const purpose = declarationPurpose(notification.kind, notification.declarationId);
  return notice.recipients.map((recipient) => ({
    residentId: notification.residentId,
    agency: DECLARATIONS_HOLDER,
    fields: notice.fields,
    recipientKind: 'AGENCY',
    recipient: recipient.agency.toLowerCase(),
    purpose,
    consentId: null,
    caseReference: notification.declarationId,
    requestId: recipient.notificationId,
  }));
}

/**
 * Identity's side of tell us once (ADR 0017): each declaration's notice becomes disclosure records
 * in the resident's signed chain. The records and the applied marker commit together, so a notice
 * delivered twice (a relay's redelivery, a consumer killed before its acknowledgement) is recorded
 * once; without a records key it throws, is retried, and is dead-lettered rather than lost.
 */
export const identityNotifications: NotificationHandler<IdentityDatabase> = {
  agency: DISCLOSURE_LOG_RECIPIENT,
  apply: ({ store, recordsKey }, notification) =>
    applyOnce(store.db, notification, async (trx) => {
      const notice = readDisclosureNotice(notification);
      await appendDisclosuresIn(trx, recordsKey, declarationReleases(notification, notice));
      return { result: 'APPLIED', reason: null };
    }),
};
