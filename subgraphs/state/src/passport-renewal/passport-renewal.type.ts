import type { IsoDate } from '@resident-graph/calendar';
import { Agency, AgencyTask, LocalDate, type TaskStatus } from '@resident-graph/federation';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { onlineRenewalEligibility } from '../domain/online-renewal.js';
import { passportRenewalStatus, PassportRenewalStatusCode } from '../domain/passport-status.js';
import type { PassportRecord } from '../passport/passport.loader.js';

registerEnumType(PassportRenewalStatusCode, {
  name: 'PassportRenewalStatusCode',
  description:
    'Where renewing your passport stands: a renewal application’s status when there is one, otherwise how your current passport stands.',
  valuesConfig: {
    VALID: { description: 'Your passport is valid for more than a year; nothing to do now.' },
    RENEW_SOON: { description: 'Your passport expires within a year; we recommend renewing now.' },
    EXPIRED: { description: 'Your passport has expired.' },
    NO_PASSPORT: { description: 'We have no passport on record for you.' },
    NOT_AVAILABLE: {
      description: 'We don’t have a record of your renewal application in our system yet.',
    },
    IN_PROCESS: { description: 'We’re working on your renewal application.' },
    ADDITIONAL_INFO_NEEDED: {
      description: 'We need more information from you before we can continue.',
    },
    APPROVED: { description: 'We approved your renewal and are printing your passport.' },
    MAILED: { description: 'We mailed your new passport.' },
  } satisfies Record<PassportRenewalStatusCode, { description: string }>,
});

/** The TURNING_65 passport task: "this resident's passport renewal at the Department of State". */
@Directive('@key(fields: "residentId")')
@ObjectType('PassportRenewal', {
  implements: AgencyTask,
  description:
    'Renewing the resident’s passport: a renewal application’s status when there is one, otherwise whether the current passport is valid, due for renewal soon, expired, or missing.',
})
export class PassportRenewal extends AgencyTask {
  declare status: TaskStatus<PassportRenewalStatusCode>;

  @Field(() => PassportRenewalStatusCode, {
    description: 'The status code as this task’s enum; always equal to `status.code`.',
  })
  get statusCode(): PassportRenewalStatusCode {
    return this.status.code;
  }

  @Field(() => LocalDate, {
    nullable: true,
    description: 'When the current passport expires; null with no passport on record.',
  })
  expiresOn!: string | null;

  @Field(() => Boolean, {
    description: 'Whether the resident can renew their passport online today.',
  })
  canRenewOnline!: boolean;

  @Field(() => [String], {
    description:
      'Why online renewal is not possible, each with what to do instead; empty when it is.',
  })
  onlineRenewalIneligibleReasons!: string[];
}

export function toPassportRenewal(
  residentId: string,
  record: PassportRecord | null,
  today: IsoDate,
): PassportRenewal {
  const passport = record?.passport ?? null;
  const online = onlineRenewalEligibility(passport, today);
  return Object.assign(new PassportRenewal(), {
    residentId,
    agency: Agency.STATE,
    title: 'Renew your passport',
    status: passportRenewalStatus(passport, record?.renewal ?? null, today),
    expiresOn: passport?.expiresOn ?? null,
    canRenewOnline: online.eligible,
    onlineRenewalIneligibleReasons: online.reasons,
  });
}
