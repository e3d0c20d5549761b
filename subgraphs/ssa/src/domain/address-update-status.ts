import { taskStatus, type StatusCodes, type TaskStatus } from '@resident-graph/federation';
import { plainDate, type IsoDate } from '@resident-graph/calendar';

export interface AddressChangeFacts {
  submittedOn: IsoDate;
  completedOn: IsoDate | null;
}

/** Every code an address update's status can carry. */
export type SocialSecurityAddressUpdateStatusCode = 'NOT_NEEDED' | 'SUBMITTED' | 'COMPLETED';
export const SocialSecurityAddressUpdateStatusCode: StatusCodes<SocialSecurityAddressUpdateStatusCode> =
  { NOT_NEEDED: 'NOT_NEEDED', SUBMITTED: 'SUBMITTED', COMPLETED: 'COMPLETED' };

/** Every address status says this: each agency needs its own notice of a move. */
export const SEPARATE_NOTICE =
  'Telling USPS or the IRS about a move does not update your address with Social Security.';

/** Where the resident's address change with SSA stands (SUBMITTED → COMPLETED, or NOT_NEEDED). */
export function addressUpdateStatus(
  change: AddressChangeFacts | null,
): TaskStatus<SocialSecurityAddressUpdateStatusCode> {
  if (!change) {
    return taskStatus({
      code: 'NOT_NEEDED',
      label: 'No address change',
      description: `You have not told us about a new address. ${SEPARATE_NOTICE}`,
      nextSteps: [
        'If you move and get Social Security benefits or Medicare, update your address online at ssa.gov, by phone, or at a Social Security office.',
      ],
    });
  }
  if (!change.completedOn) {
    return taskStatus({
      code: 'SUBMITTED',
      label: 'Address change received',
      description: `We received your new address on ${plainDate(change.submittedOn)} and are updating our records. ${SEPARATE_NOTICE}`,
      nextSteps: [
        'You do not need to do anything. We will send letters to your new address once the update is done.',
        'Tell the IRS and USPS separately if you have not already.',
      ],
      step: 1,
      stepCount: 2,
      lastChangedOn: change.submittedOn,
    });
  }
  return taskStatus({
    code: 'COMPLETED',
    label: 'Address updated',
    description: `We updated your address on ${plainDate(change.completedOn)}. Social Security and Medicare letters now go to your new address. ${SEPARATE_NOTICE}`,
    nextSteps: ['Tell the IRS and USPS separately if you have not already.'],
    step: 2,
    stepCount: 2,
    lastChangedOn: change.completedOn,
  });
}
