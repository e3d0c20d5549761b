import type { Notification } from './notification.js';

/**
 * The recipient that keeps the accounting of what a declaration disclosed: identity, which owns
 * residents' disclosure logs (ADR 0016). It reads its own stream like an agency (ADR 0017), but it
 * is not an agency told: life-events keeps its notices apart from the agencies' and never shows
 * them to the resident as one.
 */
export const DISCLOSURE_LOG_RECIPIENT = 'IDENTITY';

/**
 * The contract of the notice life-events sends identity with each declaration (any kind): who was
 * told, under which notification id, and which fields they were sent. No values: identity records
 * what was disclosed, not the new address or the child's name again.
 */
export interface DisclosureNotice {
  /** Every agency told, each with the id of its own notification (the record's `requestId`). */
  recipients: { agency: string; notificationId: string }[];
  /** What each of them received, as `Type.field` (e.g. `MailingAddressInput.zip`). */
  fields: string[];
}

const nonEmptyText = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0;

/** Reads a disclosure notice; throws on anything else, so a malformed one is retried, then dead-lettered. */
export function readDisclosureNotice(notification: Notification): DisclosureNotice {
  if (notification.agency !== DISCLOSURE_LOG_RECIPIENT)
    throw new Error(`not a disclosure notice: addressed to ${notification.agency}`);
  const { recipients, fields } = notification.payload;
  if (!Array.isArray(recipients) || recipients.length === 0)
    throw new Error('disclosure notice has no recipients');
  const told = recipients.map((recipient: unknown) => {
    const { agency, notificationId } = (recipient ?? {}) as Record<string, unknown>;
    if (!nonEmptyText(agency) || !nonEmptyText(notificationId))
      throw new Error('disclosure notice has a recipient without agency or notificationId');
    return { agency, notificationId };
  });
  if (!Array.isArray(fields) || fields.length === 0 || !fields.every(nonEmptyText))
    throw new Error('disclosure notice has no fields');
  return { recipients: told, fields: [...fields] };
}
