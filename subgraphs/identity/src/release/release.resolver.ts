import { GATEWAY_SERVICE_SCOPE } from '@resident-graph/authorization';
import type { Caller } from '@resident-graph/caller';
import { ForbiddenError } from '@resident-graph/errors';
import { Arg, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import { admitRelease, markPreviewed } from '../consent/consent-store.js';
import type { IdentityContext } from '../context.js';
import { appendDisclosures } from '../disclosure/disclosure-log.js';
import { PreviewTarget, ReleaseAdmission, ReleaseInput } from './release.type.js';

function assertGateway(caller: Caller): void {
  if (!caller.scopes.includes(GATEWAY_SERVICE_SCOPE))
    throw new ForbiddenError('Only the Resident Graph gateway may call this.');
}

/** What the gateway asks identity around every release that is not a resident's own read. */
@Resolver()
export class ReleaseResolver {
  @Directive('@inaccessible')
  @Mutation(() => ReleaseAdmission, {
    description:
      'Decides one release to an application under the resident’s consent, counting it against the fetch limit.',
  })
  async admitRelease(
    @Arg('residentId', () => ID) residentId: string,
    @Arg('clientId', () => String) clientId: string,
    @Arg('operationHash', () => String) operationHash: string,
    @Ctx() { caller, db, clock }: IdentityContext,
  ): Promise<ReleaseAdmission> {
    assertGateway(caller);
    const admission = await admitRelease(
      db,
      { residentId, clientId, operationHash },
      clock.today(),
    );
    return admission.allowed
      ? { ...admission, reason: null, period: null }
      : {
          allowed: false,
          reason: admission.reason,
          period: admission.period ?? null,
          grantId: null,
          scopes: [],
          purpose: null,
          retentionDays: null,
        };
  }

  @Directive('@inaccessible')
  @Mutation(() => [ID], {
    description:
      'Appends disclosure records to the signed chain before the data is released; an error means do not release.',
  })
  async recordDisclosures(
    @Arg('releases', () => [ReleaseInput]) releases: ReleaseInput[],
    @Ctx() { caller, db, recordsKey }: IdentityContext,
  ): Promise<string[]> {
    assertGateway(caller);
    return appendDisclosures(db, recordsKey, releases);
  }

  @Directive('@inaccessible')
  @Mutation(() => PreviewTarget, {
    nullable: true,
    description:
      'The resident previews a pending consent request (or a grant’s next release) with its exact operation; null when it is not theirs, not pending, or another operation.',
  })
  async beginConsentPreview(
    @Arg('id', () => ID) id: string,
    @Arg('residentId', () => ID) residentId: string,
    @Arg('operationHash', () => String) operationHash: string,
    @Ctx() { caller, db }: IdentityContext,
  ): Promise<PreviewTarget | null> {
    assertGateway(caller);
    return markPreviewed(db, { id, residentId, operationHash }, new Date());
  }
}
