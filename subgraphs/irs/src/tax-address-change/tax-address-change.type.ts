import { Agency, AgencyTask, LocalDate, type TaskStatus } from '@resident-graph/federation';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import {
  addressChangeStatus,
  OTHER_AGENCIES_ARE_NOT_NOTICE,
  TaxAddressChangeStatusCode,
  type AddressChangeFacts,
} from '../domain/address-change.js';

registerEnumType(TaxAddressChangeStatusCode, {
  name: 'TaxAddressChangeStatusCode',
  description: 'Where telling the IRS your new address (Form 8822) stands.',
  valuesConfig: {
    NOT_SUBMITTED: { description: 'We haven’t received a change of address from you.' },
    SUBMITTED: {
      description: 'We received your Form 8822; it takes about 4 to 6 weeks to process.',
    },
    PROCESSED: { description: 'We updated your address; IRS letters go to the new one.' },
  } satisfies Record<TaxAddressChangeStatusCode, { description: string }>,
});

/** The MOVING address task at the IRS: "has this resident told the IRS they moved (Form 8822)". */
@Directive('@key(fields: "residentId")')
@ObjectType('TaxAddressChange', {
  implements: AgencyTask,
  description: `Telling the IRS about a new address with Form 8822, which takes about 4 to 6 weeks to process. ${OTHER_AGENCIES_ARE_NOT_NOTICE}`,
})
export class TaxAddressChange extends AgencyTask {
  declare status: TaskStatus<TaxAddressChangeStatusCode>;

  @Field(() => TaxAddressChangeStatusCode, {
    description: 'The status code as this task’s enum; always equal to `status.code`.',
  })
  get statusCode(): TaxAddressChangeStatusCode {
    return this.status.code;
  }

  @Field(() => LocalDate, {
    nullable: true,
    description: 'When the IRS received the Form 8822; null when none was sent.',
  })
  submittedOn!: string | null;
}

export function toTaxAddressChange(
  residentId: string,
  change: AddressChangeFacts | null,
): TaxAddressChange {
  return Object.assign(new TaxAddressChange(), {
    residentId,
    agency: Agency.IRS,
    title: 'Tell the IRS your new address',
    status: addressChangeStatus(change),
    submittedOn: change?.submittedOn ?? null,
  });
}
