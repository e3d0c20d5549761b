import { staffAgencyOf } from '@resident-graph/authorization';
import { ForbiddenError } from '@resident-graph/errors';
import { Protect, requireResident } from '@resident-graph/federation';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { IdentityContext } from '../context.js';
import { Resident } from '../resident/resident.type.js';
import {
  approveConsentRequest,
  approveRelease,
  changeGrantStatus,
  checkOperation,
  checkTerms,
  createConsentRequest,
  declineConsentRequest,
  grantConsent,
  listConsentGrants,
  listConsentRequests,
} from './consent-store.js';
import {
  ConsentGrant,
  ConsentRequest,
  ConsentRequestInput,
  ConsentRequestStatus,
  ConsentStatus,
  GrantConsentInput,
} from './consent.type.js';

/** Only the resident's own app manages consents: third parties never hold `consent:manage`. */
const manage = { scopes: ['consent:manage'] } as const;

@Resolver(() => Resident)
export class ConsentResolver {
  @Protect(manage)
  @FieldResolver(() => [ConsentGrant], {
    description: 'Every consent you gave an application, newest first, with its status now.',
  })
  async consents(@Root() resident: Resident, @Ctx() { db, clock }: IdentityContext) {
    return listConsentGrants(db, resident.id, clock.today());
  }

  @Protect(manage)
  @FieldResolver(() => [ConsentRequest], {
    description: 'Applications asking for your consent (pending ones by default), newest first.',
  })
  async consentRequests(
    @Root() resident: Resident,
    @Arg('status', () => ConsentRequestStatus, {
      nullable: true,
      defaultValue: ConsentRequestStatus.PENDING,
    })
    status: ConsentRequestStatus | null,
    @Ctx() { db }: IdentityContext,
  ) {
    return listConsentRequests(db, resident.id, status);
  }

  @Protect({ authenticated: true })
  @Mutation(() => ConsentRequest, {
    description:
      'An application asks the signed-in resident for consent to run `operation` on the terms given. The resident previews and decides in their own app.',
  })
  async requestConsent(
    @Arg('input', () => ConsentRequestInput) input: ConsentRequestInput,
    @Ctx() { caller, db, clock }: IdentityContext,
  ) {
    const residentId = requireResident(caller);
    // A caseworker's token names the caseworker, not a resident who could consent.
    if (caller.scopes.some((scope) => staffAgencyOf(scope) !== null))
      throw new ForbiddenError('Only an application acting for a resident may ask for consent.');
    checkTerms(input, clock.today());
    checkOperation(input.operation);
    return createConsentRequest(
      db,
      { ...input, residentId, clientId: caller.clientId ?? 'unknown' },
      new Date(),
    );
  }

  @Protect(manage)
  @Mutation(() => ConsentGrant, {
    description:
      'Approve a consent request you previewed: the application may then run its operation on its terms.',
  })
  async approveConsentRequest(
    @Arg('id', () => ID) id: string,
    @Ctx() { caller, db, clock }: IdentityContext,
  ) {
    return approveConsentRequest(db, id, requireResident(caller), new Date(), clock.today());
  }

  @Protect(manage)
  @Mutation(() => ConsentRequest, {
    description: 'Decline a consent request; nothing is released.',
  })
  async declineConsentRequest(
    @Arg('id', () => ID) id: string,
    @Ctx() { caller, db }: IdentityContext,
  ) {
    return declineConsentRequest(db, id, requireResident(caller), new Date());
  }

  @Protect(manage)
  @Mutation(() => ConsentGrant, {
    description: 'Give an application consent directly, for any query within the scopes.',
  })
  async grantConsent(
    @Arg('input', () => GrantConsentInput) input: GrantConsentInput,
    @Ctx() { caller, db, clock }: IdentityContext,
  ) {
    const residentId = requireResident(caller);
    checkTerms(input, clock.today());
    return grantConsent(db, { ...input, residentId }, new Date(), clock.today());
  }

  @Protect(manage)
  @Mutation(() => ConsentGrant, {
    description: 'Pause a consent: nothing is released until resumed.',
  })
  async pauseConsent(@Arg('id', () => ID) id: string, @Ctx() context: IdentityContext) {
    return change(context, id, ConsentStatus.PAUSED);
  }

  @Protect(manage)
  @Mutation(() => ConsentGrant, { description: 'Resume a paused consent.' })
  async resumeConsent(@Arg('id', () => ID) id: string, @Ctx() context: IdentityContext) {
    return change(context, id, ConsentStatus.ACTIVE);
  }

  @Protect(manage)
  @Mutation(() => ConsentGrant, {
    description: 'Take a consent back for good; it counts from the application’s next request.',
  })
  async revokeConsent(@Arg('id', () => ID) id: string, @Ctx() context: IdentityContext) {
    return change(context, id, ConsentStatus.REVOKED);
  }

  @Protect(manage)
  @Mutation(() => ConsentGrant, {
    description:
      'For a consent that asks you to approve each release: approve the next one, after previewing it.',
  })
  async approveRelease(
    @Arg('id', () => ID) id: string,
    @Ctx() { caller, db, clock }: IdentityContext,
  ) {
    return approveRelease(db, id, requireResident(caller), clock.today());
  }
}

function change(
  { caller, db, clock }: IdentityContext,
  id: string,
  to: ConsentStatus.ACTIVE | ConsentStatus.PAUSED | ConsentStatus.REVOKED,
) {
  return changeGrantStatus(db, id, requireResident(caller), to, new Date(), clock.today());
}
