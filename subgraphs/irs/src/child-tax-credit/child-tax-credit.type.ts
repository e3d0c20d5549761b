import { parseIsoDate, type IsoDate } from '@resident-graph/calendar';
import { Agency, AgencyTask } from '@resident-graph/federation';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import {
  childTaxCreditAmount,
  childTaxCreditStatus,
  type ChildTaxCreditFacts,
} from '../domain/child-tax-credit.js';

/** The HAVING_A_CHILD credit task: "the child tax credit this resident can claim". Return information (26 U.S.C. 6103). */
@Directive('@key(fields: "residentId")')
@ObjectType('ChildTaxCredit', {
  implements: AgencyTask,
  description: 'The child tax credit the resident can claim for a tax year, and how to claim it.',
})
export class ChildTaxCredit extends AgencyTask {
  @Field(() => Int, { description: 'The tax year the credit is for.' })
  taxYear!: number;

  @Field(() => Int, {
    description: 'Children who qualify for the credit (under 17 at the end of the tax year).',
  })
  qualifyingChildren!: number;

  @Field(() => Int, {
    description:
      'The most credit the resident can claim, in whole dollars; it can be lower at higher incomes.',
  })
  creditAmount!: number;
}

/** With no record, the credit is shown for the current tax year with no qualifying children. */
export function toChildTaxCredit(
  residentId: string,
  credit: ChildTaxCreditFacts | null,
  today: IsoDate,
): ChildTaxCredit {
  const facts = credit ?? { taxYear: parseIsoDate(today).year, qualifyingChildren: 0 };
  return Object.assign(new ChildTaxCredit(), {
    residentId,
    agency: Agency.IRS,
    title: 'Claim the child tax credit',
    status: childTaxCreditStatus(facts),
    taxYear: facts.taxYear,
    qualifyingChildren: facts.qualifyingChildren,
    creditAmount: childTaxCreditAmount(facts.qualifyingChildren),
  });
}
