import { parseIsoDate, type IsoDate } from '@resident-graph/calendar';
import { Agency, AgencyTask, type TaskStatus } from '@resident-graph/federation';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  childTaxCreditAmount,
  childTaxCreditStatus,
  ChildTaxCreditStatusCode,
  type ChildTaxCreditFacts,
} from '../domain/child-tax-credit.js';

registerEnumType(ChildTaxCreditStatusCode, {
  name: 'ChildTaxCreditStatusCode',
  description: 'Whether you can claim the child tax credit for the tax year.',
  valuesConfig: {
    ELIGIBLE: { description: 'You have qualifying children and can claim the credit.' },
    NO_QUALIFYING_CHILDREN: {
      description: 'We have no qualifying children on record for you for the year.',
    },
  } satisfies Record<ChildTaxCreditStatusCode, { description: string }>,
});

/** The HAVING_A_CHILD credit task: "the child tax credit this resident can claim". Return information (26 U.S.C. 6103). */
@Directive('@key(fields: "residentId")')
@ObjectType('ChildTaxCredit', {
  implements: AgencyTask,
  description: 'The child tax credit the resident can claim for a tax year, and how to claim it.',
})
export class ChildTaxCredit extends AgencyTask {
  declare status: TaskStatus<ChildTaxCreditStatusCode>;

  @Field(() => ChildTaxCreditStatusCode, {
    description: 'The status code as this task’s enum; always equal to `status.code`.',
  })
  get statusCode(): ChildTaxCreditStatusCode {
    return this.status.code;
  }

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
