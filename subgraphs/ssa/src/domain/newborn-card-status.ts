import { taskStatus, type StatusCodes, type TaskStatus } from '@resident-graph/federation';
import { addDays, plainDate, type IsoDate } from '@resident-graph/calendar';
import type { SsaCardStatus } from '@resident-graph/personas';

export interface NewbornCardFacts {
  childGivenName: string;
  /** When the request reached SSA: the hospital birth form (enumeration at birth). */
  requestedOn: IsoDate;
  status: SsaCardStatus;
  changedOn: IsoDate;
}

/** Every code a newborn card's status can carry: the stored ones, or NO_REQUEST. */
export type NewbornSocialSecurityCardStatusCode = 'NO_REQUEST' | SsaCardStatus;
export const NewbornSocialSecurityCardStatusCode: StatusCodes<NewbornSocialSecurityCardStatusCode> =
  { NO_REQUEST: 'NO_REQUEST', REQUESTED: 'REQUESTED', PROCESSING: 'PROCESSING', MAILED: 'MAILED' };

/** A newborn's card arrives about 2–3 weeks after the request. */
export const CARD_ARRIVES_AFTER_DAYS = { from: 14, by: 21 } as const;

const steps: Record<SsaCardStatus, number> = { REQUESTED: 1, PROCESSING: 2, MAILED: 3 };
const stepCount = 3;

/** When the card should arrive; a card mailed late cannot arrive before it was mailed. */
export function expectedCardArrival(card: NewbornCardFacts): { from: IsoDate; by: IsoDate } {
  const from = addDays(card.requestedOn, CARD_ARRIVES_AFTER_DAYS.from);
  const by = addDays(card.requestedOn, CARD_ARRIVES_AFTER_DAYS.by);
  if (card.status !== 'MAILED' || card.changedOn < from) return { from, by };
  const mailedFrom = addDays(card.changedOn, 1);
  return { from: mailedFrom, by: by > mailedFrom ? by : addDays(mailedFrom, 7) };
}

/** Where a newborn's Social Security number and card stand. */
export function newbornCardStatus(
  card: NewbornCardFacts | null,
): TaskStatus<NewbornSocialSecurityCardStatusCode> {
  if (!card) {
    return taskStatus({
      code: 'NO_REQUEST',
      label: 'No card requested',
      description:
        'We have no request for a Social Security number for a newborn child of yours. The easiest way to get one is to ask for it on the birth registration form at the hospital. Social Security cards are free.',
      nextSteps: [
        'If you did not ask for a number at the hospital, apply at a Social Security office with proof of your child’s age, identity and U.S. citizenship, and proof of your identity.',
      ],
    });
  }
  const { from, by } = expectedCardArrival(card);
  const common = {
    step: steps[card.status],
    stepCount,
    lastChangedOn: card.changedOn,
    expectedFrom: from,
    expectedBy: by,
  };
  const name = card.childGivenName;
  const arrival = `The card should arrive between ${plainDate(from)} and ${plainDate(by)}.`;
  switch (card.status) {
    case 'REQUESTED':
      return taskStatus({
        ...common,
        code: 'REQUESTED',
        label: 'Requested',
        description: `We received the request for ${name}’s Social Security number from the hospital birth form. ${arrival}`,
        nextSteps: ['You do not need to do anything. The card comes by mail. It is free.'],
      });
    case 'PROCESSING':
      return taskStatus({
        ...common,
        code: 'PROCESSING',
        label: 'Processing',
        description: `We are assigning ${name}’s Social Security number and making the card. ${arrival}`,
        nextSteps: [
          'You do not need to do anything. The card comes by mail.',
          'You can use the number for your tax return and benefits once the card arrives.',
        ],
      });
    case 'MAILED':
      return taskStatus({
        ...common,
        code: 'MAILED',
        label: 'Card mailed',
        description: `We mailed ${name}’s Social Security card on ${plainDate(card.changedOn)}. ${arrival}`,
        nextSteps: [
          'Keep the card in a safe place; do not carry it with you.',
          `If it has not arrived by ${plainDate(by)}, contact Social Security.`,
        ],
      });
  }
}
