import { assertMayReadResident } from '@resident-graph/federation';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ChildTaxCredit, toChildTaxCredit } from '../child-tax-credit/child-tax-credit.type.js';
import type { IrsContext } from '../context.js';
import {
  TaxAddressChange,
  toTaxAddressChange,
} from '../tax-address-change/tax-address-change.type.js';
import { TaxRefund, toTaxRefund } from '../tax-refund/tax-refund.type.js';
import { ResidentRef } from './resident.ref.js';

/**
 * IRS fields on Resident. Tax return information is confidential (26 U.S.C. 6103): each field
 * authorizes before it loads, so another resident's return information never leaves the store.
 */
@Resolver(() => ResidentRef)
export class IrsResidentResolver {
  @FieldResolver(() => TaxRefund, {
    description: 'The refund on the resident’s latest tax return (MOVING).',
  })
  async taxRefund(
    @Root() resident: ResidentRef,
    @Ctx() { caller, clock, loaders }: IrsContext,
  ): Promise<TaxRefund> {
    assertMayReadResident(caller, resident.id);
    return toTaxRefund(
      resident.id,
      await loaders.taxReturnByResident.load(resident.id),
      clock.today(),
    );
  }

  @FieldResolver(() => TaxAddressChange, {
    description: 'Telling the IRS about a new address with Form 8822 (MOVING).',
  })
  async taxAddressChange(
    @Root() resident: ResidentRef,
    @Ctx() { caller, loaders }: IrsContext,
  ): Promise<TaxAddressChange> {
    assertMayReadResident(caller, resident.id);
    return toTaxAddressChange(resident.id, await loaders.addressChangeByResident.load(resident.id));
  }

  @FieldResolver(() => ChildTaxCredit, {
    description: 'The child tax credit the resident can claim (HAVING_A_CHILD).',
  })
  async childTaxCredit(
    @Root() resident: ResidentRef,
    @Ctx() { caller, clock, loaders }: IrsContext,
  ): Promise<ChildTaxCredit> {
    assertMayReadResident(caller, resident.id);
    return toChildTaxCredit(
      resident.id,
      await loaders.childTaxCreditByResident.load(resident.id),
      clock.today(),
    );
  }
}
