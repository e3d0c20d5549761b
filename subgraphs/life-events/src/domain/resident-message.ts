import type { Outcome } from '@resident-graph/notifications';
import { agencyNames } from './delivery-status.js';
import type { Agency } from '@resident-graph/federation';

const what: Record<string, string> = { MOVE: 'your new address', BIRTH: 'your child’s birth' };

/** What the resident reads when an agency acted on what they told us, in plain words. */
export function residentMessage(
  outcome: Outcome,
  declarationKind: string,
): { title: string; body: string; action_required: number } {
  const name = agencyNames[outcome.agency as Agency] ?? outcome.agency;
  const news = what[declarationKind] ?? 'what you told us';
  const Name = name.charAt(0).toUpperCase() + name.slice(1);
  switch (outcome.result) {
    case 'APPLIED':
      return {
        title: `${Name} has ${news}`,
        body: `${Name} added ${news} to its records. Your journey shows what happens next there.`,
        action_required: 0,
      };
    case 'REFUSED':
      return {
        title: `${Name} needs you to act`,
        body: outcome.reason ?? `${Name} could not use ${news}. Contact them directly.`,
        action_required: 1,
      };
    case 'FAILED':
      return {
        title: `We could not reach ${name} yet`,
        body: outcome.reason ?? `We could not pass ${news} to ${name}. We will try again.`,
        action_required: 0,
      };
  }
}
