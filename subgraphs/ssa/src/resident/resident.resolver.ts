import { assertMayReadResident, required } from '@resident-graph/federation';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SsaContext } from '../context.js';
import { toAddressUpdate } from '../address-update/address-update.js';
import { SocialSecurityAddressUpdate } from '../address-update/address-update.type.js';
import { toNewbornCard } from '../newborn-card/newborn-card.js';
import { NewbornSocialSecurityCard } from '../newborn-card/newborn-card.type.js';
import { toRetirementApplication } from '../retirement-application/retirement-application.js';
import { RetirementApplication } from '../retirement-application/retirement-application.type.js';
import { toSocialSecurity } from '../social-security/social-security.js';
import { SocialSecurity } from '../social-security/social-security.type.js';
import { ResidentRef } from './resident.ref.js';

/**
 * What SSA adds to a Resident. Every field authorizes first and then loads through the request's
 * DataLoader: another resident's record never leaves the store, and the check is synchronous, so
 * every permitted parent still joins one batch (one query per field).
 */
@Resolver(() => ResidentRef)
export class ResidentSsaResolver {
  @Directive('@requires(fields: "birthDate")')
  @FieldResolver(() => SocialSecurity, {
    nullable: true,
    description: 'The resident’s Social Security record; null when SSA has none.',
  })
  async socialSecurity(
    @Root() resident: ResidentRef,
    @Ctx() { caller, clock, loaders }: SsaContext,
  ): Promise<SocialSecurity | null> {
    assertMayReadResident(caller, resident.id);
    const holder = await loaders.numberHolderByResidentId.load(resident.id);
    return holder
      ? toSocialSecurity(
          holder,
          required(resident.birthDate, `Resident ${resident.id}: birthDate`),
          clock.today(),
        )
      : null;
  }

  @FieldResolver(() => RetirementApplication, {
    description:
      'The resident’s retirement application; NOT_STARTED (saying when they can apply) when there is none.',
  })
  async retirementApplication(
    @Root() resident: ResidentRef,
    @Ctx() { caller, loaders }: SsaContext,
  ): Promise<RetirementApplication> {
    assertMayReadResident(caller, resident.id);
    const record = await loaders.retirementApplicationByResidentId.load(resident.id);
    // Through the gateway, the task's status comes back via `_entities` with `resident { birthDate }`
    // (it `@requires` it, as on a journey step); a birth date already on this Resident is kept for
    // direct callers.
    return toRetirementApplication(resident.id, record, resident.birthDate);
  }

  @FieldResolver(() => NewbornSocialSecurityCard, {
    description: 'A newborn child’s Social Security card; NO_REQUEST when there is none.',
  })
  async newbornSocialSecurityCard(
    @Root() resident: ResidentRef,
    @Ctx() { caller, loaders }: SsaContext,
  ): Promise<NewbornSocialSecurityCard> {
    assertMayReadResident(caller, resident.id);
    const card = await loaders.newbornCardByResidentId.load(resident.id);
    return toNewbornCard(resident.id, card);
  }

  @FieldResolver(() => SocialSecurityAddressUpdate, {
    description: 'The resident’s address change with SSA; NOT_NEEDED when there is none.',
  })
  async socialSecurityAddressUpdate(
    @Root() resident: ResidentRef,
    @Ctx() { caller, loaders }: SsaContext,
  ): Promise<SocialSecurityAddressUpdate> {
    assertMayReadResident(caller, resident.id);
    const change = await loaders.addressChangeByResidentId.load(resident.id);
    return toAddressUpdate(resident.id, change);
  }
}
