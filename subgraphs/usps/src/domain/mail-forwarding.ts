import { taskStatus, type StatusCodes, type TaskStatus } from '@resident-graph/federation';
import { addDays, addMonths, plainDate, type IsoDate } from '@resident-graph/calendar';
import type { ChangeOfAddressStatus } from '@resident-graph/personas';

export type { ChangeOfAddressStatus };

/** Every code a mail forwarding status can carry: the stored ones (EXPIRED also by date), or NO_REQUEST. */
export type MailForwardingStatusCode = 'NO_REQUEST' | ChangeOfAddressStatus;
export const MailForwardingStatusCode: StatusCodes<MailForwardingStatusCode> = {
  NO_REQUEST: 'NO_REQUEST',
  SUBMITTED: 'SUBMITTED',
  VALIDATION_LETTER_SENT: 'VALIDATION_LETTER_SENT',
  ACTIVE: 'ACTIVE',
  EXPIRED: 'EXPIRED',
};

/** A change-of-address request as the Postal Service tracks it. */
export interface ChangeOfAddressFacts {
  /** The stored status; what the resident sees also depends on today's date. */
  status: ChangeOfAddressStatus;
  submittedOn: IsoDate;
  /** The day forwarding is to start. */
  effectiveOn: IsoDate;
  changedOn: IsoDate;
}

/** Where mail is forwarded to, as much as the resident needs to recognise it: city and state. */
export interface ForwardingDestination {
  city: string;
  state: string;
}

/** Mail forwarding lasts 12 months from the effective date. */
export const FORWARDING_MONTHS = 12;

/**
 * The last day mail is forwarded: the day before the 12-month anniversary of the effective date, so
 * forwarding from June 24, 2026 runs through June 23, 2027 (12 months, not 12 months and a day).
 */
export function forwardingEndsOn(effectiveOn: IsoDate): IsoDate {
  return addDays(addMonths(effectiveOn, FORWARDING_MONTHS), -1);
}

/**
 * The status a resident sees on `today`. Time decides only one thing: from the day after the last
 * forwarding day, nothing can be forwarded any more, so the request shows EXPIRED whatever its
 * stored status (an ACTIVE one that nobody re-marked, or one that was never validated).
 * Time does not validate a request: a SUBMITTED or VALIDATION_LETTER_SENT request whose effective
 * date has passed stays where it is, because forwarding starts only once the Postal Service has
 * confirmed the move, and showing it as ACTIVE would promise mail is moving when it may not be.
 */
export function displayedChangeOfAddressStatus(
  change: ChangeOfAddressFacts,
  today: IsoDate,
): ChangeOfAddressStatus {
  if (today > forwardingEndsOn(change.effectiveOn)) return 'EXPIRED';
  return change.status;
}

const STEPS: Record<ChangeOfAddressStatus, number> = {
  SUBMITTED: 1,
  VALIDATION_LETTER_SENT: 2,
  ACTIVE: 3,
  EXPIRED: 4,
};
const STEP_COUNT = 4;

const TELL_OTHER_AGENCIES =
  'A change of address with the Postal Service doesn’t update your address with the IRS or Social Security: tell each of them yourself.';

/**
 * The MOVING mail forwarding task: SUBMITTED → VALIDATION_LETTER_SENT → ACTIVE → EXPIRED (step n of
 * 4), or NO_REQUEST when the resident has none. `destination` is the new address's city and state.
 */
export function mailForwardingStatus(
  change: ChangeOfAddressFacts | null,
  destination: ForwardingDestination | null,
  today: IsoDate,
): TaskStatus<MailForwardingStatusCode> {
  if (!change) {
    return taskStatus({
      code: 'NO_REQUEST',
      label: 'No request',
      description:
        'We have no change-of-address request from you, so your mail is not being forwarded.',
      nextSteps: [
        `If you’re moving, submit a change of address online or at a Post Office. Mail is forwarded for ${FORWARDING_MONTHS} months.`,
        TELL_OTHER_AGENCIES,
      ],
    });
  }
  const shown = displayedChangeOfAddressStatus(change, today);
  const endsOn = forwardingEndsOn(change.effectiveOn);
  const to = destination ? ` to ${destination.city}, ${destination.state}` : '';
  const startPassed = change.effectiveOn <= today;
  const common = {
    step: STEPS[shown],
    stepCount: STEP_COUNT,
    lastChangedOn: change.changedOn,
  };
  const waitingToStart = startPassed
    ? `Your start date, ${plainDate(change.effectiveOn)}, has passed, but forwarding starts only once we’ve confirmed the move.`
    : `Forwarding${to} starts on ${plainDate(change.effectiveOn)}, once we’ve confirmed the move.`;
  switch (shown) {
    case 'SUBMITTED':
      return taskStatus({
        code: 'SUBMITTED',
        label: 'Submitted',
        description: `We received your change-of-address request on ${plainDate(change.submittedOn)}. ${waitingToStart}`,
        nextSteps: [
          'We’ll send a letter to your old address to confirm the move. It protects you if someone else tries to move your mail.',
          TELL_OTHER_AGENCIES,
        ],
        expectedFrom: startPassed ? null : change.effectiveOn,
        ...common,
      });
    case 'VALIDATION_LETTER_SENT':
      return taskStatus({
        code: 'VALIDATION_LETTER_SENT',
        label: 'Validation letter sent',
        description: `We sent a letter to your old address (not your new one) to confirm your change of address. ${waitingToStart}`,
        nextSteps: [
          'If you can still get mail at your old address, look out for the letter. You don’t need to reply if everything in it is right.',
          'If the letter describes a move you didn’t ask for, follow its instructions right away.',
          TELL_OTHER_AGENCIES,
        ],
        expectedFrom: startPassed ? null : change.effectiveOn,
        ...common,
      });
    case 'ACTIVE':
      return taskStatus({
        code: 'ACTIVE',
        label: 'Forwarding active',
        description: `Mail sent to your old address is being forwarded${to} through ${plainDate(endsOn)}.`,
        nextSteps: [
          `Give your new address to everyone who sends you mail: forwarding stops after ${FORWARDING_MONTHS} months.`,
          TELL_OTHER_AGENCIES,
        ],
        expectedBy: endsOn,
        ...common,
      });
    case 'EXPIRED':
      return taskStatus({
        code: 'EXPIRED',
        label: 'Expired',
        description: `The ${FORWARDING_MONTHS}-month forwarding period for your change of address ended on ${plainDate(endsOn)}. Mail sent to your old address is no longer forwarded.`,
        nextSteps: ['Make sure everyone who sends you mail has your new address.'],
        ...common,
        // A stored EXPIRED changed when it was recorded; a derived one changed the day after forwarding ended.
        lastChangedOn: change.status === 'EXPIRED' ? change.changedOn : addDays(endsOn, 1),
      });
  }
}
