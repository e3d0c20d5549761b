import type { VaClaimPhase } from './resident-facts.js';

/** The eight phases of a VA disability compensation claim, in order: step n of 8. */
export const vaClaimPhases: readonly VaClaimPhase[] = [
  'RECEIVED',
  'INITIAL_REVIEW',
  'EVIDENCE_GATHERING',
  'REVIEW_OF_EVIDENCE',
  'PREPARATION_FOR_DECISION',
  'PENDING_DECISION_APPROVAL',
  'PREPARATION_FOR_NOTIFICATION',
  'COMPLETE',
];
