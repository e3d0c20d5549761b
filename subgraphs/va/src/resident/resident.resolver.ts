import { assertMayReadResident } from '@resident-graph/federation';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { VaContext } from '../context.js';
import { DisabilityClaim, toDisabilityClaim } from '../disability-claim/disability-claim.type.js';
import { GiBill, toGiBill } from '../gi-bill/gi-bill.type.js';
import {
  toVaHealthCareEnrollment,
  VaHealthCareEnrollment,
} from '../health-care/health-care.type.js';
import { ResidentRef } from './resident.ref.js';

/** VA's tasks on Resident; each authorizes before it loads, so others' requests never reach the store. */
@Resolver(() => ResidentRef)
export class VaResidentResolver {
  @FieldResolver(() => DisabilityClaim, {
    description:
      'The resident’s VA disability compensation claim, or when they can file one (LEAVING_MILITARY).',
  })
  async disabilityClaim(
    @Root() resident: ResidentRef,
    @Ctx() { caller, clock, loaders }: VaContext,
  ): Promise<DisabilityClaim> {
    assertMayReadResident(caller, resident.id);
    return toDisabilityClaim(
      resident.id,
      await loaders.recordByResident.load(resident.id),
      clock.today(),
    );
  }

  @FieldResolver(() => GiBill, {
    description:
      'The resident’s Post-9/11 GI Bill benefits and their time limit (LEAVING_MILITARY).',
  })
  async giBill(
    @Root() resident: ResidentRef,
    @Ctx() { caller, clock, loaders }: VaContext,
  ): Promise<GiBill> {
    assertMayReadResident(caller, resident.id);
    return toGiBill(resident.id, await loaders.recordByResident.load(resident.id), clock.today());
  }

  @FieldResolver(() => VaHealthCareEnrollment, {
    description: 'The resident’s VA health care enrollment (LEAVING_MILITARY).',
  })
  async vaHealthCare(
    @Root() resident: ResidentRef,
    @Ctx() { caller, clock, loaders }: VaContext,
  ): Promise<VaHealthCareEnrollment> {
    assertMayReadResident(caller, resident.id);
    return toVaHealthCareEnrollment(
      resident.id,
      await loaders.recordByResident.load(resident.id),
      clock.today(),
    );
  }
}
