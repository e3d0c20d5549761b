import type { IsoDate } from '@resident-graph/calendar';
import { Agency, AgencyTask, LocalDate } from '@resident-graph/federation';
import { Directive, Field, ObjectType } from 'type-graphql';
import { forwardingEndsOn, mailForwardingStatus } from '../domain/mail-forwarding.js';
import type { ChangeOfAddressRecord } from './mail-forwarding.loader.js';

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
