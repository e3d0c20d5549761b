import type { IsoDate } from '@resident-graph/calendar';
import { Agency, AgencyTask, LocalDate, type TaskStatus } from '@resident-graph/federation';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import {
  bddWindow,
  compensationCountsFrom,
  disabilityClaimStatus,
  DisabilityClaimStatusCode,
  fullCompensationFilingDeadline,
} from '../domain/disability-claim.js';
import type { VaRecord } from '../domain/military-service.js';

registerEnumType(DisabilityClaimStatusCode, {
  name: 'DisabilityClaimStatusCode',
  description:
    'Where your VA disability compensation claim stands: filing options, then its 8 phases.',
  valuesConfig: {
    NO_SERVICE_RECORD: { description: 'We have no record of your military service.' },
    NOT_YET_OPEN: { description: 'More than 180 days before you leave: too early to file.' },
    BDD_OPEN: {
      description:
        '180 to 90 days before you leave: file now through Benefits Delivery at Discharge.',
    },
    FILE_AFTER_SEPARATION: {
      description: 'Less than 90 days before you leave: file after you leave the military.',
    },
    FILE_WITHIN_YEAR: {
      description:
        'You left less than a year ago: file now and compensation counts from the day after you left.',
    },
    NOT_FILED: { description: 'No claim, more than a year after you left.' },
    RECEIVED: { description: 'Claim received (step 1 of 8).' },
    INITIAL_REVIEW: { description: 'Initial review (step 2 of 8).' },
    EVIDENCE_GATHERING: { description: 'Evidence gathering (step 3 of 8).' },
    REVIEW_OF_EVIDENCE: { description: 'Review of evidence (step 4 of 8).' },
    PREPARATION_FOR_DECISION: { description: 'Preparation for decision (step 5 of 8).' },
    PENDING_DECISION_APPROVAL: { description: 'Pending decision approval (step 6 of 8).' },
    PREPARATION_FOR_NOTIFICATION: { description: 'Preparation for notification (step 7 of 8).' },
    COMPLETE: { description: 'Complete: decision letter sent (step 8 of 8).' },
  } satisfies Record<DisabilityClaimStatusCode, { description: string }>,
});

/** The LEAVING_MILITARY disability task: "this resident's disability compensation claim at VA". */
@Directive('@key(fields: "residentId")')
@ObjectType('DisabilityClaim', {
  implements: AgencyTask,
  description:
    'A VA disability compensation claim: when it can be filed around separation, then its 8 phases.',
})
export class DisabilityClaim extends AgencyTask {
  declare status: TaskStatus<DisabilityClaimStatusCode>;

  @Field(() => DisabilityClaimStatusCode, {
    description: 'The status code as this task’s enum; always equal to `status.code`.',
  })
  get statusCode(): DisabilityClaimStatusCode {
    return this.status.code;
  }

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The day active duty ends or ended; null with no service on record.',
  })
  separationOn!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'First day to file through Benefits Delivery at Discharge (180 days before separation).',
  })
  bddOpensOn!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'Last day to file through Benefits Delivery at Discharge (90 days before separation).',
  })
  bddClosesOn!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'Last day to file so that compensation counts from the day after separation (one year after it).',
  })
  fileForFullCompensationBy!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the claim was filed; null if not.' })
  filedOn!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The day compensation would count from if granted: the day after separation for a claim filed within a year of it, else the filing date.',
  })
  compensationFrom!: string | null;
}

export function toDisabilityClaim(
  residentId: string,
  { service, claim }: VaRecord,
  today: IsoDate,
): DisabilityClaim {
  const separationOn = service?.separationOn ?? null;
  const window = separationOn ? bddWindow(separationOn) : null;
  return Object.assign(new DisabilityClaim(), {
    residentId,
    agency: Agency.VA,
    title: 'File a disability compensation claim',
    status: disabilityClaimStatus(service, claim, today),
    separationOn,
    bddOpensOn: window?.opensOn ?? null,
    bddClosesOn: window?.closesOn ?? null,
    fileForFullCompensationBy: separationOn ? fullCompensationFilingDeadline(separationOn) : null,
    filedOn: claim?.filedOn ?? null,
    compensationFrom:
      separationOn && claim ? compensationCountsFrom(separationOn, claim.filedOn) : null,
  });
}
