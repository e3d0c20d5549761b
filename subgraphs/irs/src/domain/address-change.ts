import { taskStatus, type StatusCodes, type TaskStatus } from '@resident-graph/federation';
import { addDays, plainDate, type IsoDate } from '@resident-graph/calendar';

/** Every code a Form 8822 address change's status can carry. */
export type TaxAddressChangeStatusCode = 'NOT_SUBMITTED' | 'SUBMITTED' | 'PROCESSED';
export const TaxAddressChangeStatusCode: StatusCodes<TaxAddressChangeStatusCode> = {
  NOT_SUBMITTED: 'NOT_SUBMITTED',
  SUBMITTED: 'SUBMITTED',
  PROCESSED: 'PROCESSED',
};

/** A change of address the resident sent the IRS on Form 8822. */
export interface AddressChangeFacts {
  submittedOn: IsoDate;
  processedOn: IsoDate | null;
}

/** Form 8822 takes about 4 to 6 weeks to process. */
export const FORM_8822_PROCESSING_WEEKS = { from: 4, to: 6 } as const;

/** The point residents most often miss when they move, said wherever the IRS address comes up. */
export const OTHER_AGENCIES_ARE_NOT_NOTICE =
  'An address you gave another agency, like the Postal Service or Social Security, is not notice to the IRS: you need to tell the IRS yourself.';

/** When Form 8822 sent on `submittedOn` is expected to be processed. */
export function expectedAddressChangeWindow(submittedOn: IsoDate): {
  expectedFrom: IsoDate;
  expectedBy: IsoDate;
} {
  return {
    expectedFrom: addDays(submittedOn, FORM_8822_PROCESSING_WEEKS.from * 7),
    expectedBy: addDays(submittedOn, FORM_8822_PROCESSING_WEEKS.to * 7),
  };
}

/** NOT_SUBMITTED → SUBMITTED (step 1 of 2) → PROCESSED (step 2 of 2). */
export function addressChangeStatus(
  change: AddressChangeFacts | null,
): TaskStatus<TaxAddressChangeStatusCode> {
  if (!change) {
    return taskStatus({
      code: 'NOT_SUBMITTED',
      label: 'Not submitted',
      description: `We haven’t received a change of address from you. ${OTHER_AGENCIES_ARE_NOT_NOTICE}`,
      nextSteps: [
        'If you’ve moved, send Form 8822, Change of Address, to the IRS. It takes about 4 to 6 weeks to process.',
        'Or use your new address when you file your next tax return.',
      ],
    });
  }
  if (!change.processedOn) {
    return taskStatus({
      code: 'SUBMITTED',
      label: 'Submitted',
      description: `We received your change of address (Form 8822) on ${plainDate(change.submittedOn)}. It takes about ${FORM_8822_PROCESSING_WEEKS.from} to ${FORM_8822_PROCESSING_WEEKS.to} weeks to process.`,
      nextSteps: [
        'You don’t need to do anything now.',
        'Until it’s processed, letters from the IRS may still go to your old address.',
      ],
      ...expectedAddressChangeWindow(change.submittedOn),
      lastChangedOn: change.submittedOn,
      step: 1,
      stepCount: 2,
    });
  }
  return taskStatus({
    code: 'PROCESSED',
    label: 'Processed',
    description: `We updated your address on ${plainDate(change.processedOn)}. Letters and refund checks from the IRS now go to your new address.`,
    nextSteps: [],
    lastChangedOn: change.processedOn,
    step: 2,
    stepCount: 2,
  });
}
