import { Agency } from '@resident-graph/federation';
import { addressUpdateStatus, type AddressChangeFacts } from '../domain/address-update-status.js';
import { SocialSecurityAddressUpdate } from './address-update.type.js';

export function toAddressUpdate(
  residentId: string,
  change: AddressChangeFacts | null,
): SocialSecurityAddressUpdate {
  return Object.assign(new SocialSecurityAddressUpdate(), {
    residentId,
    agency: Agency.SSA,
    title: 'Update your address with Social Security',
    status: addressUpdateStatus(change),
    submittedOn: change?.submittedOn ?? null,
    completedOn: change?.completedOn ?? null,
  });
}
