import { taskStatus, type StatusCodes, type TaskStatus } from '@resident-graph/federation';
import { addDays, parseIsoDate, plainDate, type IsoDate } from '@resident-graph/calendar';
import type { RefundStatus } from '@resident-graph/personas';
import { dollars } from './dollars.js';

export type { RefundStatus };
export type EFileStatus = 'ACCEPTED' | 'REJECTED';

/** Every code a refund's status can carry: the stored ones, REJECTED (e-file) or NO_RETURN. */
export type TaxRefundStatusCode = 'NO_RETURN' | 'REJECTED' | RefundStatus;
export const TaxRefundStatusCode: StatusCodes<TaxRefundStatusCode> = {
  NO_RETURN: 'NO_RETURN',
  REJECTED: 'REJECTED',
  RETURN_RECEIVED: 'RETURN_RECEIVED',
  REFUND_APPROVED: 'REFUND_APPROVED',
  REFUND_SENT: 'REFUND_SENT',
};

/** What the IRS holds about the refund on one filed return. */
export interface TaxReturnFacts {
  taxYear: number;
  filedOn: IsoDate;
  /** Null for a paper return. */
  eFileStatus: EFileStatus | null;
  directDeposit: boolean;
  refundStatus: RefundStatus;
  /** Refund in whole dollars. */
  refundAmount: number;
  changedOn: IsoDate;
}

/** About 9 in 10 e-filed returns with direct deposit are refunded within this many days of acceptance. */
export const E_FILE_DIRECT_DEPOSIT_REFUND_DAYS = 21;

const STEPS: Record<RefundStatus, number> = {
  RETURN_RECEIVED: 1,
  REFUND_APPROVED: 2,
  REFUND_SENT: 3,
};
const STEP_COUNT = 3;
const UPDATED_DAILY =
  'This status is updated once a day, usually overnight, so there’s no need to check more often.';

/**
 * When a refund is expected: within 21 days of acceptance for an e-filed return with direct deposit
 * (the IRS's own figure, met for about 9 in 10 such returns). The IRS publishes no comparable figure
 * for paper returns or refunds by check, so none is invented: they just take longer.
 * The acceptance date is not stored apart from the filing date; e-filed returns are accepted or
 * rejected within a day or two, so the filing date stands in for it.
 */
export function expectedRefundBy(
  taxReturn: Pick<TaxReturnFacts, 'filedOn' | 'eFileStatus' | 'directDeposit'>,
): IsoDate | null {
  if (taxReturn.eFileStatus !== 'ACCEPTED' || !taxReturn.directDeposit) return null;
  return addDays(taxReturn.filedOn, E_FILE_DIRECT_DEPOSIT_REFUND_DAYS);
}

/**
 * Where the refund on the resident's latest return stands on `today` (RETURN_RECEIVED →
 * REFUND_APPROVED → REFUND_SENT, step n of 3). A rejected e-file was never accepted, so no refund can
 * be in progress on it whatever the refund record says: it shows as REJECTED, with action required.
 * With no return on file the task says so (NO_RETURN) for `today`'s previous tax year.
 */
export function refundStatus(
  taxReturn: TaxReturnFacts | null,
  today: IsoDate,
): TaskStatus<TaxRefundStatusCode> {
  if (!taxReturn) {
    const taxYear = parseIsoDate(today).year - 1;
    return taskStatus({
      code: 'NO_RETURN',
      label: 'No return on file',
      description: `We have no ${taxYear} tax return from you, so there’s no refund to track.`,
      nextSteps: [
        'If you need to file, e-file with direct deposit: it’s the fastest way to get a refund.',
        'If you filed on paper recently, it can take a while to show up here.',
      ],
    });
  }
  const { taxYear, refundAmount } = taxReturn;
  if (taxReturn.eFileStatus === 'REJECTED') {
    return taskStatus({
      code: 'REJECTED',
      label: 'E-file rejected',
      description: `Your e-filed ${taxYear} tax return was rejected, so we haven’t accepted it and can’t send a refund yet.`,
      nextSteps: [
        'Read the rejection notice from your tax software or preparer: it says what needs fixing.',
        'Correct the return and e-file it again, or file it on paper.',
      ],
      lastChangedOn: taxReturn.changedOn,
      actionRequired: true,
    });
  }
  const expectedBy = expectedRefundBy(taxReturn);
  const howSent = taxReturn.directDeposit
    ? 'by direct deposit to your bank account'
    : 'as a paper check in the mail';
  const timing = expectedBy
    ? `About 9 in 10 refunds for e-filed returns with direct deposit are sent within ${E_FILE_DIRECT_DEPOSIT_REFUND_DAYS} days of when we accept the return.`
    : 'Paper returns and refunds by check take longer than e-filed returns with direct deposit.';
  const overdue =
    expectedBy && today > expectedBy
      ? [
          `It’s been more than ${E_FILE_DIRECT_DEPOSIT_REFUND_DAYS} days since we accepted your return. Some returns need extra review and take longer; we’ll write to you if we need anything.`,
        ]
      : [];
  const common = {
    lastChangedOn: taxReturn.changedOn,
    step: STEPS[taxReturn.refundStatus],
    stepCount: STEP_COUNT,
  };
  switch (taxReturn.refundStatus) {
    case 'RETURN_RECEIVED':
      return taskStatus({
        code: 'RETURN_RECEIVED',
        label: 'Return received',
        description: `We received your ${taxYear} tax return and are processing it. ${timing}`,
        nextSteps: ['You don’t need to do anything now.', ...overdue, UPDATED_DAILY],
        expectedBy,
        ...common,
      });
    case 'REFUND_APPROVED':
      return taskStatus({
        code: 'REFUND_APPROVED',
        label: 'Refund approved',
        description: `We approved your ${taxYear} refund of ${dollars(refundAmount)} and will send it ${howSent}. ${timing}`,
        nextSteps: ['You don’t need to do anything now.', ...overdue, UPDATED_DAILY],
        expectedBy,
        ...common,
      });
    case 'REFUND_SENT':
      return taskStatus({
        code: 'REFUND_SENT',
        label: 'Refund sent',
        description: `We sent your ${taxYear} refund of ${dollars(refundAmount)} ${howSent} on ${plainDate(taxReturn.changedOn)}.`,
        nextSteps: [
          taxReturn.directDeposit
            ? 'It can take a few days for your bank to show the deposit.'
            : 'A check takes longer to arrive than a direct deposit. If you’ve moved, make sure the IRS has your new address.',
        ],
        ...common,
      });
  }
}
