import type { IsoDate } from '@resident-graph/calendar';
import { Agency, AgencyTask, type TaskStatus } from '@resident-graph/federation';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { refundStatus, TaxRefundStatusCode, type TaxReturnFacts } from '../domain/refund.js';

export enum EFileStatus {
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}

registerEnumType(EFileStatus, {
  name: 'EFileStatus',
  description: 'What happened to an electronically filed tax return.',
  valuesConfig: {
    ACCEPTED: { description: 'The IRS accepted the return for processing.' },
    REJECTED: { description: 'The IRS rejected the return; it must be corrected and filed again.' },
  },
});

registerEnumType(TaxRefundStatusCode, {
  name: 'TaxRefundStatusCode',
  description: 'Where the refund on your latest federal tax return stands.',
  valuesConfig: {
    NO_RETURN: {
      description: 'We have no tax return from you for the year, so no refund to track.',
    },
    REJECTED: {
      description: 'Your e-filed return was rejected; correct it and file again to get a refund.',
    },
    RETURN_RECEIVED: {
      description: 'We received your return and are processing it (step 1 of 3).',
    },
    REFUND_APPROVED: { description: 'We approved your refund and will send it (step 2 of 3).' },
    REFUND_SENT: { description: 'We sent your refund (step 3 of 3).' },
  } satisfies Record<TaxRefundStatusCode, { description: string }>,
});

/** The MOVING refund task: "this resident's refund on their latest return". Return information (26 U.S.C. 6103). */
@Directive('@key(fields: "residentId")')
@ObjectType('TaxRefund', {
  implements: AgencyTask,
  description:
    'The refund on the resident’s latest federal tax return. Tax return information: only the taxpayer sees it.',
})
export class TaxRefund extends AgencyTask {
  declare status: TaskStatus<TaxRefundStatusCode>;

  @Field(() => TaxRefundStatusCode, {
    description: 'The status code as this task’s enum; always equal to `status.code`.',
  })
  get statusCode(): TaxRefundStatusCode {
    return this.status.code;
  }

  @Field(() => Int, {
    nullable: true,
    description: 'The tax year of the return; null with no return on file.',
  })
  taxYear!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The refund in whole dollars; null with no return on file.',
  })
  amount!: number | null;

  @Field(() => EFileStatus, {
    nullable: true,
    description: 'The e-file outcome; null for a paper return or none on file.',
  })
  eFileStatus!: EFileStatus | null;
}

export function toTaxRefund(
  residentId: string,
  taxReturn: TaxReturnFacts | null,
  today: IsoDate,
): TaxRefund {
  return Object.assign(new TaxRefund(), {
    residentId,
    agency: Agency.IRS,
    title: 'Get your tax refund',
    status: refundStatus(taxReturn, today),
    taxYear: taxReturn?.taxYear ?? null,
    amount: taxReturn?.refundAmount ?? null,
    eFileStatus: (taxReturn?.eFileStatus ?? null) as EFileStatus | null,
  });
}
