import { Agency, AgencyTask, LocalDate } from '@resident-graph/federation';
import { Directive, Field, ObjectType } from 'type-graphql';
import {
  addressChangeStatus,
  OTHER_AGENCIES_ARE_NOT_NOTICE,
  type AddressChangeFacts,
} from '../domain/address-change.js';

/** The MOVING address task at the IRS: "has this resident told the IRS they moved (Form 8822)". */
@Directive('@key(fields: "residentId")')
@ObjectType('TaxAddressChange', {
  implements: AgencyTask,
  description: `Telling the IRS about a new address with Form 8822, which takes about 4 to 6 weeks to process. ${OTHER_AGENCIES_ARE_NOT_NOTICE}`,
})
export class TaxAddressChange extends AgencyTask {
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
