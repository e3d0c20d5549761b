import type { Notification } from './notification.js';

/**
 * The contract of a MOVE notification's payload, written by life-events and read by every agency
 * told: the new address and the moving day, as the resident gave them (already checked).
 */
export interface MoveNotice {
  newAddress: { line1: string; line2: string | null; city: string; state: string; zip: string };
  movedOn: string;
}

const text = (value: unknown, name: string): string => {
  if (typeof value !== 'string' || value.length === 0)
    throw new Error(`move notice has no ${name}`);
  return value;
};

/** Reads a MOVE payload; throws on anything else, so a malformed one is retried, then dead-lettered. */
export function readMoveNotice(notification: Notification): MoveNotice {
  if (notification.kind !== 'MOVE') throw new Error(`not a move notice: ${notification.kind}`);
  const { newAddress, movedOn } = notification.payload as Partial<{
    newAddress: Record<string, unknown>;
    movedOn: unknown;
  }>;
  if (typeof newAddress !== 'object' || newAddress === null) {
    throw new Error('move notice has no newAddress');
  }
  const date = text(movedOn, 'movedOn');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('move notice movedOn is not a date');
  return {
    newAddress: {
      line1: text(newAddress.line1, 'newAddress.line1'),
      line2: typeof newAddress.line2 === 'string' ? newAddress.line2 : null,
      city: text(newAddress.city, 'newAddress.city'),
      state: text(newAddress.state, 'newAddress.state'),
      zip: text(newAddress.zip, 'newAddress.zip'),
    },
    movedOn: date,
  };
}
