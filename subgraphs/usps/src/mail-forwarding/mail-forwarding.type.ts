import type { IsoDate } from '@resident-graph/calendar';
import { Agency, AgencyTask, LocalDate, type TaskStatus } from '@resident-graph/federation';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import {
  forwardingEndsOn,
  mailForwardingStatus,
  MailForwardingStatusCode,
} from '../domain/mail-forwarding.js';
import type { ChangeOfAddressRecord } from './mail-forwarding.loader.js';

registerEnumType(MailForwardingStatusCode, {
  name: 'MailForwardingStatusCode',
  description: 'Where your change of address and mail forwarding stand.',
  valuesConfig: {
    NO_REQUEST: { description: 'We have no change-of-address request from you.' },
    SUBMITTED: { description: 'We received your change-of-address request (step 1 of 4).' },
    VALIDATION_LETTER_SENT: {
      description: 'We sent a letter to your old address to confirm the move (step 2 of 4).',
    },
    ACTIVE: { description: 'Mail to your old address is being forwarded (step 3 of 4).' },
    EXPIRED: { description: 'The 12 months of forwarding have ended (step 4 of 4).' },
  } satisfies Record<MailForwardingStatusCode, { description: string }>,
});

/**
 * Where mail goes, at the level of detail a resident needs to recognise their own request. Data
 * minimisation: the street address and ZIP code, and the old address, are deliberately absent; the
 * resident knows them, and a leaked or over-shared response should not reveal where they live.
 */
@ObjectType('MailForwardingDestination', {
  description: 'The city and state mail is forwarded to; never the street address.',
})
export class MailForwardingDestination {
  @Field(() => String)
  city!: string;

  @Field(() => String, { description: 'Two-letter state or territory code.' })
  state!: string;
}

/** The MOVING mail task: "this resident's change of address with the Postal Service". */
@Directive('@key(fields: "residentId")')
@ObjectType('MailForwarding', {
  implements: AgencyTask,
  description:
    'Forwarding mail from an old address to a new one after a change of address; forwarding lasts 12 months.',
})
export class MailForwarding extends AgencyTask {
  declare status: TaskStatus<MailForwardingStatusCode>;

  @Field(() => MailForwardingStatusCode, {
    description: 'The status code as this task’s enum; always equal to `status.code`.',
  })
  get statusCode(): MailForwardingStatusCode {
    return this.status.code;
  }

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The day forwarding starts; null with no request.',
  })
  effectiveOn!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The last day mail is forwarded: the day before the 12-month anniversary of the effective date.',
  })
  forwardingEndsOn!: string | null;

  @Field(() => MailForwardingDestination, {
    nullable: true,
    description: 'The city and state mail is forwarded to; null with no request.',
  })
  forwardingTo!: MailForwardingDestination | null;
}

export function toMailForwarding(
  residentId: string,
  change: ChangeOfAddressRecord | null,
  today: IsoDate,
): MailForwarding {
  return Object.assign(new MailForwarding(), {
    residentId,
    agency: Agency.USPS,
    title: 'Forward your mail',
    status: mailForwardingStatus(change, change?.destination ?? null, today),
    effectiveOn: change?.effectiveOn ?? null,
    forwardingEndsOn: change ? forwardingEndsOn(change.effectiveOn) : null,
    forwardingTo: change
      ? Object.assign(new MailForwardingDestination(), change.destination)
      : null,
  });
}
