import { Agency, status, type Status } from '@resident-graph/federation';
import { plainDate, type IsoDate } from '@resident-graph/calendar';

/** How the resident hears each agency named. */
export const agencyNames: Record<Agency, string> = {
  [Agency.SSA]: 'Social Security',
  [Agency.CMS]: 'Medicare',
  [Agency.STATE]: 'the Department of State',
  [Agency.IRS]: 'the IRS',
  [Agency.USPS]: 'the Postal Service',
  [Agency.VA]: 'VA',
};

export interface DeliveryFacts {
  agency: Agency;
  /** PENDING, APPLIED, REFUSED or FAILED, as the outbox records it. */
  status: string;
  reason: string | null;
  published: boolean;
  /** The day of the agency's outcome, when there is one. */
  outcomeOn: IsoDate | null;
  declaredOn: IsoDate;
}

/** Where one agency's notice stands, in plain words (received, needs your action, failed and why). */
export function deliveryStatus(facts: DeliveryFacts): Status {
  const name = agencyNames[facts.agency];
  switch (facts.status) {
    case 'APPLIED':
      return status({
        code: 'RECEIVED',
        label: `${capitalised(name)} has it`,
        description: `${capitalised(name)} received what you told us${facts.outcomeOn ? ` on ${plainDate(facts.outcomeOn)}` : ''} and added it to its records.`,
        nextSteps: [`See ${name}’s step in your journey for where it stands.`],
        lastChangedOn: facts.outcomeOn,
        step: 2,
        stepCount: 2,
      });
    case 'REFUSED':
      return status({
        code: 'NEEDS_YOUR_ACTION',
        label: 'Needs your action',
        description: facts.reason ?? `${capitalised(name)} could not use what you told us.`,
        nextSteps: [`Contact ${name} directly to give them your new details.`],
        lastChangedOn: facts.outcomeOn,
        actionRequired: true,
      });
    case 'FAILED':
      return status({
        code: 'FAILED',
        label: 'Not delivered yet',
        description:
          facts.reason ??
          `We could not deliver what you told us to ${name}. We are looking into it.`,
        nextSteps: [
          'You do not need to do anything now: we will try again and update this page.',
          `If it is urgent, contact ${name} directly.`,
        ],
        lastChangedOn: facts.outcomeOn,
      });
    default:
      return status({
        code: 'SENDING',
        label: facts.published ? `Sent to ${name}` : 'Being sent',
        description: `We are passing what you told us to ${name}. This usually takes seconds.`,
        nextSteps: ['You do not need to do anything.'],
        lastChangedOn: facts.declaredOn,
        step: 1,
        stepCount: 2,
      });
  }
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
