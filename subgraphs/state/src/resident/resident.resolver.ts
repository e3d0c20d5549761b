import { assertMayReadResident } from '@resident-graph/federation';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  toChildPassportApplication,
  ChildPassportApplication,
} from '../child-passport-application/child-passport-application.type.js';
import type { StateContext } from '../context.js';
import { Passport, toPassport } from '../passport/passport.type.js';
import { PassportRenewal, toPassportRenewal } from '../passport-renewal/passport-renewal.type.js';
import { ResidentRef } from './resident.ref.js';

/**
 * Passport fields on Resident. Each authorizes before it loads: a resident's passport data is read
 * only for that resident, so fields of other residents never reach the store.
 */
@Resolver(() => ResidentRef)
export class StateResidentResolver {
  @FieldResolver(() => Passport, {
    nullable: true,
    description: 'The resident’s current passport; null when they have none on record.',
  })
  async passport(
    @Root() resident: ResidentRef,
    @Ctx() { caller, clock, loaders }: StateContext,
  ): Promise<Passport | null> {
    assertMayReadResident(caller, resident.id);
    const record = await loaders.passportRecordByResident.load(resident.id);
    return record?.passport ? toPassport(record.passport, clock.today()) : null;
  }

  @FieldResolver(() => PassportRenewal, {
    description: 'Renewing the resident’s passport (TURNING_65).',
  })
  async passportRenewal(
    @Root() resident: ResidentRef,
    @Ctx() { caller, clock, loaders }: StateContext,
  ): Promise<PassportRenewal> {
    assertMayReadResident(caller, resident.id);
    return toPassportRenewal(
      resident.id,
      await loaders.passportRecordByResident.load(resident.id),
      clock.today(),
    );
  }

  @FieldResolver(() => ChildPassportApplication, {
    description: 'A first passport for the resident’s child (HAVING_A_CHILD).',
  })
  async childPassportApplication(
    @Root() resident: ResidentRef,
    @Ctx() { caller, loaders }: StateContext,
  ): Promise<ChildPassportApplication> {
    assertMayReadResident(caller, resident.id);
    return toChildPassportApplication(
      resident.id,
      await loaders.childPassportApplicationByResident.load(resident.id),
    );
  }
}
