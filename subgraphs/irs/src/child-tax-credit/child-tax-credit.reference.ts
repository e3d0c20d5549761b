import { assertMayReadResident } from '@resident-graph/federation';
import type { IrsContext } from '../context.js';
import { toChildTaxCredit, type ChildTaxCredit } from './child-tax-credit.type.js';

export async function resolveChildTaxCreditReference(
  reference: Pick<ChildTaxCredit, 'residentId'>,
  { caller, clock, loaders }: IrsContext,
): Promise<ChildTaxCredit> {
  // Load first, then authorize: every representation of one `_entities` request joins one batch.
  const credit = await loaders.childTaxCreditByResident.load(reference.residentId);
  assertMayReadResident(caller, reference.residentId);
  return toChildTaxCredit(reference.residentId, credit, clock.today());
}
