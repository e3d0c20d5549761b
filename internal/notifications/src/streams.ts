/**
 * Where notifications travel in Redis: one stream per agency (read by that agency's consumer group),
 * a dead-letter stream per agency, and one outcomes stream the declaring service (life-events) reads.
 * Every key starts with the deployment's prefix, so tests and engineers sharing a Redis never meet.
 */
export interface StreamKeys {
  /** Notifications for `agency`; its consumer group is named after the agency. */
  notifications(agency: string): string;
  /** Notifications `agency` gave up on after its retries, for an operator to list and replay. */
  deadLetters(agency: string): string;
  /** Every agency's outcome (applied, refused, dead-lettered), for the outbox owner. */
  outcomes(): string;
  /** Set once by the relay; its absence means Redis lost its data, so the outbox sends again. */
  epoch(): string;
}

/** Keys are `<prefix>:notifications:…`, beside the gateway's `<prefix>:gateway:…`. */
export function streamKeys(prefix: string): StreamKeys {
  return {
    notifications: (agency) => `${prefix}:notifications:${agency.toLowerCase()}`,
    deadLetters: (agency) => `${prefix}:notifications:dead-letters:${agency.toLowerCase()}`,
    outcomes: () => `${prefix}:notifications:outcomes`,
    epoch: () => `${prefix}:notifications:epoch`,
  };
}

/** The consumer group that applies `agency`'s notifications. */
export const agencyGroup = (agency: string) => `agency-${agency.toLowerCase()}`;

/** The consumer group in which the outbox owner reads outcomes. */
export const OUTCOMES_GROUP = 'outbox';
