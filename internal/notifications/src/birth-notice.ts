import type { Notification } from './notification.js';

/**
 * The contract of a BIRTH notification's payload, written by life-events and read by every agency
 * told: the child's first name and birth date, as the parent gave them (already checked).
 */
export interface BirthNotice {
  childGivenName: string;
  childBirthDate: string;
}

/** Reads a BIRTH payload; throws on anything else, so a malformed one is retried, then dead-lettered. */
export function readBirthNotice(notification: Notification): BirthNotice {
  if (notification.kind !== 'BIRTH') throw new Error(`not a birth notice: ${notification.kind}`);
  const { childGivenName, childBirthDate } = notification.payload;
  if (typeof childGivenName !== 'string' || childGivenName.length === 0) {
    throw new Error('birth notice has no childGivenName');
  }
  if (typeof childBirthDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(childBirthDate)) {
    throw new Error('birth notice childBirthDate is not a date');
  }
  return { childGivenName, childBirthDate };
}
