import { assertMayReadResident, Protect, requireResident } from '@resident-graph/federation';
import { Ctx, Mutation, Resolver } from 'type-graphql';
import type { IdentityContext } from '../context.js';
import { ResidentActions, residentActions } from './resident-actions.type.js';

async function actionsOf(residentId: string, { loaders }: IdentityContext) {
  const resident = await loaders.residentById.load(residentId);
  // A signed-in resident always has a record; a gap is a defect to surface (masked).
  if (!resident) throw new Error(`resident ${residentId} has no identity record`);
  return Object.assign(new ResidentActions(), { residentId, birthDate: resident.birthDate });
}

@Resolver(() => ResidentActions)
export class ResidentActionsResolver {
  @Protect(residentActions)
  @Mutation(() => ResidentActions, {
    description:
      'Act as the signed-in resident at the agencies: `act { applyForRetirement(…) }`, `act { signUpForMedicare(…) }`.',
  })
  async act(@Ctx() context: IdentityContext): Promise<ResidentActions> {
    return actionsOf(requireResident(context.caller), context);
  }
}

export async function resolveResidentActionsReference(
  reference: Pick<ResidentActions, 'residentId'>,
  context: IdentityContext,
): Promise<ResidentActions> {
  assertMayReadResident(context.caller, reference.residentId);
  return actionsOf(reference.residentId, context);
}
