import { ResidentGraphError } from '@resident-graph/errors';

/** Why a subgraph fetch gave no usable answer; each kind has its own public code. */
export type SubgraphFailureKind = 'unavailable' | 'timeout' | 'bad-response' | 'circuit-open';

export const subgraphFailureCodes = {
  unavailable: 'SUBGRAPH_UNAVAILABLE',
  timeout: 'SUBGRAPH_TIMEOUT',
  'bad-response': 'SUBGRAPH_BAD_RESPONSE',
  'circuit-open': 'SUBGRAPH_CIRCUIT_OPEN',
} as const satisfies Record<SubgraphFailureKind, string>;

export type SubgraphFailureCode = (typeof subgraphFailureCodes)[SubgraphFailureKind];

const messages: Record<SubgraphFailureKind, (agency: string) => string> = {
  unavailable: (agency) =>
    `The ${agency} service is not available right now, so part of this answer is missing. Please try again later.`,
  timeout: (agency) =>
    `The ${agency} service did not answer in time, so part of this answer is missing. Please try again later.`,
  'bad-response': (agency) =>
    `The ${agency} service sent an answer we could not use, so part of this answer is missing. Please try again later.`,
  'circuit-open': (agency) =>
    `The ${agency} service has been failing, so we did not ask it this time and part of this answer is missing. Please try again in a few seconds.`,
};

/**
 * What a client sees at the fields an agency would have filled: a plain-language message, a code
 * naming the case, and the agency. Never the URL, status or upstream error text (those are logged).
 */
export class SubgraphFailureError extends ResidentGraphError<SubgraphFailureCode> {
  constructor(
    readonly kind: SubgraphFailureKind,
    readonly agency: string,
  ) {
    super(subgraphFailureCodes[kind], messages[kind](agency), {
      agency,
      // Kept for clients written against the first version of this error.
      serviceName: agency,
    });
  }
}

/** SUBGRAPH_UNAVAILABLE; kept as its own class for existing callers. */
export class SubgraphUnavailableError extends SubgraphFailureError {
  constructor(agency: string) {
    super('unavailable', agency);
  }
}

/**
 * Internal: one subgraph fetch failed, and how. Thrown inside the resilience policy (so retries and
 * the breaker see it) and turned into a SubgraphFailureError at the data source. `detail` is for
 * logs only.
 */
export class SubgraphFetchFailure extends Error {
  constructor(
    readonly kind: SubgraphFailureKind,
    readonly detail: string,
    readonly status?: number,
    options?: ErrorOptions & {
      /** Whether sending the same request again may work (queries only). Default false. */
      retryable?: boolean;
    },
  ) {
    super(`${kind}: ${detail}`, options);
    this.name = 'SubgraphFetchFailure';
    this.retryable = options?.retryable ?? false;
  }

  readonly retryable: boolean;
}
