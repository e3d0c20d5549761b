import { assertMayReadResident, required } from '@resident-graph/federation';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CmsContext } from '../context.js';
import { toMedicare } from '../medicare/medicare.js';
import { Medicare } from '../medicare/medicare.type.js';
import { toMedicareEnrollment } from '../medicare-enrollment/medicare-enrollment.js';
import { MedicareEnrollment } from '../medicare-enrollment/medicare-enrollment.type.js';
import { ResidentRef } from './resident.ref.js';

/**
 * What CMS adds to a Resident. Each field authorizes first and then loads through the request's
 * DataLoader: another resident's record never leaves the store, and the check is synchronous, so
 * every permitted parent still joins one batch (one query).
 */
@Resolver(() => ResidentRef)
export class ResidentCmsResolver {
  @Directive('@requires(fields: "birthDate")')
  @FieldResolver(() => Medicare, {
    nullable: true,
    description:
      'Medicare eligibility and enrollment: parts A and B, enrollment windows, late penalty.',
  })
  async medicare(
    @Root() resident: ResidentRef,
    @Ctx() { caller, clock, loaders }: CmsContext,
  ): Promise<Medicare> {
    assertMayReadResident(caller, resident.id);
    const record = await loaders.medicareByResidentId.load(resident.id);
    return toMedicare(
      record,
      required(resident.birthDate, `Resident ${resident.id}: birthDate`),
      clock.today(),
    );
  }

  @FieldResolver(() => MedicareEnrollment, {
    description:
      'The resident’s Medicare sign-up task; NOT_ENROLLED (saying when they can sign up) when there is no record.',
  })
  async medicareEnrollment(
    @Root() resident: ResidentRef,
    @Ctx() { caller, loaders }: CmsContext,
  ): Promise<MedicareEnrollment> {
    assertMayReadResident(caller, resident.id);
    const record = await loaders.medicareByResidentId.load(resident.id);
    // Through the gateway, the task's birth-date fields come back via `_entities` with
    // `resident { birthDate }`; a birth date already on this Resident is kept for direct callers.
    return toMedicareEnrollment(resident.id, record, resident.birthDate);
  }
}
