import { assertMayReadResident } from '@resident-graph/federation';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { VaCase } from '../case/case.type.js';
import type { VaContext } from '../context.js';
import { ResidentRef } from './resident.ref.js';

/** The case on Resident; authorizes before it loads, so others' requests never reach the store. */
@Resolver(() => ResidentRef)
export class VaResidentResolver {
  @FieldResolver(() => VaCase, {
    nullable: true,
    description: 'The resident’s case at VA; null when they have none.',
  })
  async vaCase(
    @Root() resident: ResidentRef,
    @Ctx() { caller, loaders }: VaContext,
  ): Promise<VaCase | null> {
    assertMayReadResident(caller, resident.id);
    return loaders.caseByResident.load(resident.id);
  }
}
