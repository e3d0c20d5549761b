import { taskStatus, type StatusCodes, type TaskStatus } from '@resident-graph/federation';
import { dollars } from './dollars.js';

/** Every code a child tax credit's status can carry. */
export type ChildTaxCreditStatusCode = 'ELIGIBLE' | 'NO_QUALIFYING_CHILDREN';
export const ChildTaxCreditStatusCode: StatusCodes<ChildTaxCreditStatusCode> = {
  ELIGIBLE: 'ELIGIBLE',
  NO_QUALIFYING_CHILDREN: 'NO_QUALIFYING_CHILDREN',
};

/**
 * The most child tax credit per qualifying child, in whole dollars. The amount is set by statute
 * (26 U.S.C. 24) and Congress changes it: $2,000 is the figure in effect before 2025, and later
 * legislation changed it again. Update this constant from the law, not from this comment.
 */
export const CHILD_TAX_CREDIT_PER_CHILD_DOLLARS = 2_000;

export interface ChildTaxCreditFacts {
  taxYear: number;
  qualifyingChildren: number;
}

/** The most credit the resident can claim: per-child amount × qualifying children. */
export function childTaxCreditAmount(qualifyingChildren: number): number {
  return Math.max(0, qualifyingChildren) * CHILD_TAX_CREDIT_PER_CHILD_DOLLARS;
}

/** ELIGIBLE with qualifying children, otherwise NO_QUALIFYING_CHILDREN; either way, how to claim. */
export function childTaxCreditStatus({
  taxYear,
  qualifyingChildren,
}: ChildTaxCreditFacts): TaskStatus<ChildTaxCreditStatusCode> {
  const claim = `Claim the credit on your ${taxYear} tax return, which you file in ${taxYear + 1}.`;
  const ssn =
    'Each child needs a Social Security number by the due date of that return (including extensions). A newborn usually gets one through the hospital’s birth registration.';
  if (qualifyingChildren <= 0) {
    return taskStatus({
      code: 'NO_QUALIFYING_CHILDREN',
      label: 'No qualifying children',
      description: `We have no qualifying children on record for you for ${taxYear}. A qualifying child is under 17 at the end of the year and usually lives with you for more than half of it.`,
      nextSteps: [
        `If you have or adopt a child in ${taxYear}, you can claim the credit on your ${taxYear} tax return, which you file in ${taxYear + 1}.`,
        ssn,
      ],
    });
  }
  const children =
    qualifyingChildren === 1 ? '1 qualifying child' : `${qualifyingChildren} qualifying children`;
  return taskStatus({
    code: 'ELIGIBLE',
    label: 'Eligible',
    description: `You can claim the child tax credit for ${children} for ${taxYear}: up to ${dollars(CHILD_TAX_CREDIT_PER_CHILD_DOLLARS)} per child, ${dollars(childTaxCreditAmount(qualifyingChildren))} in all. The credit can be lower at higher incomes.`,
    nextSteps: [claim, ssn],
  });
}
