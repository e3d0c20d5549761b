import type { IsoDate } from '@resident-graph/calendar';
import { Agency, AgencyTask, LocalDate } from '@resident-graph/federation';
import { Directive, Field, ObjectType } from 'type-graphql';
import { onlineRenewalEligibility } from '../domain/online-renewal.js';
import { passportRenewalStatus } from '../domain/passport-status.js';
import type { PassportRecord } from '../passport/passport.loader.js';

/** The TURNING_65 passport task: "this resident's passport renewal at the Department of State". */
@Directive('@key(fields: "residentId")')
@ObjectType('PassportRenewal', {
  implements: AgencyTask,
  description:
    'Renewing the resident’s passport: a renewal application’s status when there is one, otherwise whether the current passport is valid, due for renewal soon, expired, or missing.',
})
export class PassportRenewal extends AgencyTask {
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
