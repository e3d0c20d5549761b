import { createUnionType, Directive, Field, ID, ObjectType } from 'type-graphql';
import type { JourneyTaskType } from '../domain/journey-task-type.js';
import { ResidentRef, residentRef } from '../resident/resident.ref.js';

/**
 * What this subgraph knows of every agency task: its key and its resident. The agencies own the
 * task types (and make them implement `AgencyTask`); life-events only points at them from journey
 * steps and supplies `resident`, which CMS and SSA need for their
 * `@requires(fields: "resident { birthDate }")`.
 * Never part of the schema itself: type-graphql copies its fields into each stub below.
 */
@ObjectType('JourneyTaskStub')
export abstract class JourneyTaskStub {
  /** The GraphQL type this stub stands for; what the `JourneyTask` union resolves to. */
  abstract readonly typename: JourneyTaskType;

  @Field(() => ID, { description: 'The platform resident id this task belongs to.' })
  residentId!: string;

  @Field(() => ResidentRef, { description: 'The resident this task belongs to.' })
  get resident(): ResidentRef {
    return residentRef(this.residentId);
  }
}

@Directive('@key(fields: "residentId")')
@ObjectType('RetirementApplication')
export class RetirementApplicationRef extends JourneyTaskStub {
  readonly typename = 'RetirementApplication';
}

@Directive('@key(fields: "residentId")')
@ObjectType('NewbornSocialSecurityCard')
export class NewbornSocialSecurityCardRef extends JourneyTaskStub {
  readonly typename = 'NewbornSocialSecurityCard';
}

@Directive('@key(fields: "residentId")')
@ObjectType('SocialSecurityAddressUpdate')
export class SocialSecurityAddressUpdateRef extends JourneyTaskStub {
  readonly typename = 'SocialSecurityAddressUpdate';
}

@Directive('@key(fields: "residentId")')
@ObjectType('MedicareEnrollment')
export class MedicareEnrollmentRef extends JourneyTaskStub {
  readonly typename = 'MedicareEnrollment';
}

@Directive('@key(fields: "residentId")')
@ObjectType('PassportRenewal')
export class PassportRenewalRef extends JourneyTaskStub {
  readonly typename = 'PassportRenewal';
}

@Directive('@key(fields: "residentId")')
@ObjectType('ChildPassportApplication')
export class ChildPassportApplicationRef extends JourneyTaskStub {
  readonly typename = 'ChildPassportApplication';
}

@Directive('@key(fields: "residentId")')
@ObjectType('TaxRefund')
export class TaxRefundRef extends JourneyTaskStub {
  readonly typename = 'TaxRefund';
}

@Directive('@key(fields: "residentId")')
@ObjectType('TaxAddressChange')
export class TaxAddressChangeRef extends JourneyTaskStub {
  readonly typename = 'TaxAddressChange';
}

@Directive('@key(fields: "residentId")')
@ObjectType('ChildTaxCredit')
export class ChildTaxCreditRef extends JourneyTaskStub {
  readonly typename = 'ChildTaxCredit';
}

@Directive('@key(fields: "residentId")')
@ObjectType('MailForwarding')
export class MailForwardingRef extends JourneyTaskStub {
  readonly typename = 'MailForwarding';
}

@Directive('@key(fields: "residentId")')
@ObjectType('DisabilityClaim')
export class DisabilityClaimRef extends JourneyTaskStub {
  readonly typename = 'DisabilityClaim';
}

@Directive('@key(fields: "residentId")')
@ObjectType('VaHealthCareEnrollment')
export class VaHealthCareEnrollmentRef extends JourneyTaskStub {
  readonly typename = 'VaHealthCareEnrollment';
}

@Directive('@key(fields: "residentId")')
@ObjectType('GiBill')
export class GiBillRef extends JourneyTaskStub {
  readonly typename = 'GiBill';
}

/** One stub class per task type: the compiler checks that every union member has one. */
const stubClasses = {
  RetirementApplication: RetirementApplicationRef,
  NewbornSocialSecurityCard: NewbornSocialSecurityCardRef,
  SocialSecurityAddressUpdate: SocialSecurityAddressUpdateRef,
  MedicareEnrollment: MedicareEnrollmentRef,
  PassportRenewal: PassportRenewalRef,
  ChildPassportApplication: ChildPassportApplicationRef,
  TaxRefund: TaxRefundRef,
  TaxAddressChange: TaxAddressChangeRef,
  ChildTaxCredit: ChildTaxCreditRef,
  MailForwarding: MailForwardingRef,
  DisabilityClaim: DisabilityClaimRef,
  VaHealthCareEnrollment: VaHealthCareEnrollmentRef,
  GiBill: GiBillRef,
} as const satisfies Record<JourneyTaskType, new () => JourneyTaskStub>;

/** The resident's task of type `type`, as a stub the agency that owns it fills in. */
export function journeyTask(type: JourneyTaskType, residentId: string): JourneyTaskStub {
  return Object.assign(new stubClasses[type](), { residentId });
}

export const JourneyTask = createUnionType({
  name: 'JourneyTask',
  description: 'The agency task a journey step points at; each agency supplies its fields.',
  types: () =>
    [
      RetirementApplicationRef,
      NewbornSocialSecurityCardRef,
      SocialSecurityAddressUpdateRef,
      MedicareEnrollmentRef,
      PassportRenewalRef,
      ChildPassportApplicationRef,
      TaxRefundRef,
      TaxAddressChangeRef,
      ChildTaxCreditRef,
      MailForwardingRef,
      DisabilityClaimRef,
      VaHealthCareEnrollmentRef,
      GiBillRef,
    ] as const,
  resolveType: (task: JourneyTaskStub) => task.typename,
});
