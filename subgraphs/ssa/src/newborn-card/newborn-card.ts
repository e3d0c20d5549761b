import { Agency } from '@resident-graph/federation';
import { newbornCardStatus, type NewbornCardFacts } from '../domain/newborn-card-status.js';
import { NewbornSocialSecurityCard } from './newborn-card.type.js';

export function toNewbornCard(
  residentId: string,
  card: NewbornCardFacts | null,
): NewbornSocialSecurityCard {
  return Object.assign(new NewbornSocialSecurityCard(), {
    residentId,
    agency: Agency.SSA,
    title: card
      ? `Get ${card.childGivenName}’s Social Security card`
      : 'Get your baby’s Social Security card',
    status: newbornCardStatus(card),
    childGivenName: card?.childGivenName ?? null,
    requestedOn: card?.requestedOn ?? null,
  });
}
