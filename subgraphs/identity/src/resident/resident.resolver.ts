import { assertMayReadResident, Protect, requireResident } from '@resident-graph/federation';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { IdentityContext } from '../context.js';
import { Resident } from './resident.type.js';

@Resolver(() => Resident)
export class ResidentResolver {
  @Protect({ authenticated: true })
  @Query(() => Resident, {
    nullable: true,
    description: 'The signed-in resident; null with UNAUTHENTICATED when not signed in.',
  })
  async me(@Ctx() { caller, loaders }: IdentityContext): Promise<Resident | null> {
    return loaders.residentById.load(requireResident(caller));
  }

  @Protect({ authenticated: true })
  @Query(() => Resident, {
    nullable: true,
    description: 'A resident by id; a resident may read only their own record.',
  })
  async resident(
    @Arg('id', () => ID) id: string,
    @Ctx() { caller, loaders }: IdentityContext,
  ): Promise<Resident | null> {
    assertMayReadResident(caller, id);
    return loaders.residentById.load(id);
  }
}
