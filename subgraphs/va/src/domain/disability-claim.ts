import { addDays, addYears, plainDate, type IsoDate } from '@resident-graph/calendar';
import { taskStatus, type StatusCodes, type TaskStatus } from '@resident-graph/federation';
import { vaClaimPhases } from '@resident-graph/personas';
import {
  NO_SERVICE_RECORD_STEPS,
  type DisabilityClaimFacts,
  type MilitaryService,
  type VaClaimPhase,
} from './military-service.js';

/** Every code a disability claim's status can carry: where filing stands, then the claim's 8 phases. */
export type DisabilityClaimStatusCode =
  | 'NO_SERVICE_RECORD'
  | 'NOT_YET_OPEN'
  | 'BDD_OPEN'
  | 'FILE_AFTER_SEPARATION'
  | 'FILE_WITHIN_YEAR'
  | 'NOT_FILED'
  | VaClaimPhase;
export const DisabilityClaimStatusCode: StatusCodes<DisabilityClaimStatusCode> = {
  NO_SERVICE_RECORD: 'NO_SERVICE_RECORD',
  NOT_YET_OPEN: 'NOT_YET_OPEN',
  BDD_OPEN: 'BDD_OPEN',
  FILE_AFTER_SEPARATION: 'FILE_AFTER_SEPARATION',
  FILE_WITHIN_YEAR: 'FILE_WITHIN_YEAR',
  NOT_FILED: 'NOT_FILED',
  RECEIVED: 'RECEIVED',
  INITIAL_REVIEW: 'INITIAL_REVIEW',
  EVIDENCE_GATHERING: 'EVIDENCE_GATHERING',
  REVIEW_OF_EVIDENCE: 'REVIEW_OF_EVIDENCE',
  PREPARATION_FOR_DECISION: 'PREPARATION_FOR_DECISION',
  PENDING_DECISION_APPROVAL: 'PENDING_DECISION_APPROVAL',
  PREPARATION_FOR_NOTIFICATION: 'PREPARATION_FOR_NOTIFICATION',
  COMPLETE: 'COMPLETE',
};

/** The 8 phases in order (one list with the seed's): the claim is at step n of 8. */
export const claimPhases = vaClaimPhases;

/**
 * Benefits Delivery at Discharge: a claim can be filed 180 to 90 days before separation (both
 * days included), so a decision can come soon after discharge.
 */
export function bddWindow(separationOn: IsoDate): { opensOn: IsoDate; closesOn: IsoDate } {
  return { opensOn: addDays(separationOn, -180), closesOn: addDays(separationOn, -90) };
}

/**
 * The last day to file so that compensation counts from the day after separation: claims filed
 * within one year after separation are paid from then; later ones only from the day VA gets them.
 */
export function fullCompensationFilingDeadline(separationOn: IsoDate): IsoDate {
  return addYears(separationOn, 1);
}

/**
 * The day compensation would count from if the claim is granted: the day after separation for a
 * claim filed before or within a year after separation, otherwise the filing date.
 */
export function compensationCountsFrom(separationOn: IsoDate, filedOn: IsoDate): IsoDate {
  return filedOn <= fullCompensationFilingDeadline(separationOn)
    ? addDays(separationOn, 1)
    : filedOn;
}

const phaseWords: Record<VaClaimPhase, { label: string; description: string; next: string }> = {
  RECEIVED: {
    label: 'Claim received',
    description: 'We received your claim.',
    next: 'We’ll review it and tell you if we need anything from you.',
  },
  INITIAL_REVIEW: {
    label: 'Initial review',
    description: 'A reviewer is checking your claim to see if we need more information.',
    next: 'If we need more information, we’ll ask you for it.',
  },
  EVIDENCE_GATHERING: {
    label: 'Gathering evidence',
    description:
      'We’re gathering evidence for your claim: records from you, your doctors and the military, and any exams we schedule.',
    next: 'Go to any exam we schedule and send any evidence we ask for; you can upload it at va.gov.',
  },
  REVIEW_OF_EVIDENCE: {
    label: 'Reviewing evidence',
    description: 'We’re reviewing all the evidence for your claim.',
    next: 'If we need more evidence, the claim goes back to gathering evidence.',
  },
  PREPARATION_FOR_DECISION: {
    label: 'Preparing a decision',
    description: 'We’re deciding your claim and writing down why.',
    next: 'If we need more evidence, the claim may go back a step.',
  },
  PENDING_DECISION_APPROVAL: {
    label: 'Decision being approved',
    description: 'A senior reviewer is checking the decision on your claim.',
    next: 'Once it is approved, we prepare your decision letter.',
  },
  PREPARATION_FOR_NOTIFICATION: {
    label: 'Preparing your decision letter',
    description: 'We’re preparing your decision letter.',
    next: 'Your decision letter will come by mail and in your VA.gov account.',
  },
  COMPLETE: {
    label: 'Complete',
    description: 'We’ve decided your claim and sent you a decision letter.',
    next: 'If you disagree with the decision, you can ask for a review within one year of the letter.',
  },
};

/**
 * The disability compensation task. Without a claim, where the resident stands in the filing
 * windows around `separationOn` (more than 180 days ahead; the BDD window; too close to file BDD;
 * within a year after; later); with one, its phase, step n of 8.
 */
export function disabilityClaimStatus(
  service: MilitaryService | null,
  claim: DisabilityClaimFacts | null,
  today: IsoDate,
): TaskStatus<DisabilityClaimStatusCode> {
  if (claim) {
    const words = phaseWords[claim.phase];
    const from = service ? compensationCountsFrom(service.separationOn, claim.filedOn) : null;
    return taskStatus({
      code: claim.phase,
      label: words.label,
      description: `${words.description} You filed it on ${plainDate(claim.filedOn)}.`,
      nextSteps: [
        words.next,
        ...(from && claim.phase !== 'COMPLETE'
          ? [`If your claim is granted, compensation counts from ${plainDate(from)}.`]
          : []),
      ],
      step: claimPhases.indexOf(claim.phase) + 1,
      stepCount: claimPhases.length,
      lastChangedOn: claim.changedOn,
      actionRequired: claim.phase === 'EVIDENCE_GATHERING',
    });
  }
  if (!service) {
    return taskStatus({
      code: 'NO_SERVICE_RECORD',
      label: 'No service on record',
      description:
        'We have no record of your military service, so we can’t show your claim options.',
      nextSteps: NO_SERVICE_RECORD_STEPS,
    });
  }
  const { separationOn } = service;
  const { opensOn, closesOn } = bddWindow(separationOn);
  const deadline = fullCompensationFilingDeadline(separationOn);
  const separation = plainDate(separationOn);
  if (today < opensOn) {
    return taskStatus({
      code: 'NOT_YET_OPEN',
      label: 'Not yet open',
      description: `You leave the military on ${separation}. You can file a disability claim before you leave, from ${plainDate(opensOn)} to ${plainDate(closesOn)} (Benefits Delivery at Discharge).`,
      nextSteps: [
        'Start collecting your service treatment records and any private medical records now.',
      ],
      expectedFrom: opensOn,
    });
  }
  if (today <= closesOn) {
    return taskStatus({
      code: 'BDD_OPEN',
      label: 'File before you leave',
      description: `You can file your disability claim now, before you leave the military on ${separation}, through Benefits Delivery at Discharge. Filing by ${plainDate(closesOn)} can get you a decision soon after you leave.`,
      nextSteps: [
        'File online at va.gov and upload your service treatment records.',
        'Be available for exams during the 45 days after you file.',
      ],
      actionRequired: true,
      actionDeadline: closesOn,
    });
  }
  if (today <= separationOn) {
    return taskStatus({
      code: 'FILE_AFTER_SEPARATION',
      label: 'File after you leave',
      description: `It is less than 90 days until you leave the military on ${separation}, too late for Benefits Delivery at Discharge. File after you leave: a claim filed by ${plainDate(deadline)} gets compensation from ${plainDate(addDays(separationOn, 1))}, the day after you leave.`,
      nextSteps: ['File online at va.gov after you leave the military.'],
      expectedFrom: addDays(separationOn, 1),
    });
  }
  if (today <= deadline) {
    return taskStatus({
      code: 'FILE_WITHIN_YEAR',
      label: 'File within a year',
      description: `File your disability claim by ${plainDate(deadline)}, a year after you left the military, and compensation counts from ${plainDate(addDays(separationOn, 1))}, the day after you left.`,
      nextSteps: ['File online at va.gov, by mail, or with an accredited representative.'],
      actionRequired: true,
      actionDeadline: deadline,
    });
  }
  return taskStatus({
    code: 'NOT_FILED',
    label: 'Not filed',
    description:
      'You haven’t filed a disability claim. You can still file: compensation counts from the day we get your claim.',
    nextSteps: ['File online at va.gov, by mail, or with an accredited representative.'],
  });
}
