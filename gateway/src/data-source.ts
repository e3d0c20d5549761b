import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import {
  anonymousCaller,
  CALLER_HEADER,
  signCallerToken,
  type SigningKey,
} from '@resident-graph/caller';
import { ResidentGraphError } from '@resident-graph/errors';
import type { Logger } from '@resident-graph/logging';
import type { GatewayContext } from './context.js';

/** Header that carries the request id to subgraphs, so their access logs line up with ours. */
export const REQUEST_ID_HEADER = 'x-request-id';
/** How long the gateway waits for one subgraph request before giving up on it. */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;

/** One agency's service did not give a usable answer; the rest of the response still stands. */
export class SubgraphUnavailableError extends ResidentGraphError<'SUBGRAPH_UNAVAILABLE'> {
  constructor(readonly subgraph: string) {
    super(
      'SUBGRAPH_UNAVAILABLE',
      `The ${subgraph} service is not available right now, so part of this answer is missing. Please try again later.`,
      { serviceName: subgraph },
    );
  }
}

export interface CallerTokenDataSourceOptions {
  /** Subgraph name in the supergraph (`join__Graph`); the audience of the caller tokens it gets. */
  name: string;
  url: string;
  /** The gateway's caller-token signing key. */
  signingKey: SigningKey;
  logger: Logger;
  /** Per-request timeout for this subgraph, in milliseconds. Default DEFAULT_SUBGRAPH_TIMEOUT_MS. */
  timeoutMs?: number;
}

/**
 * Sends query-plan fetches to one subgraph with a caller token the gateway signs for that subgraph
 * alone. Client headers are never forwarded (RemoteGraphQLDataSource starts from an empty header
 * set), and the caller header is set here last, so nothing a client sends can stand in for it.
 */
export class CallerTokenDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraphName: string;
  private readonly signingKey: SigningKey;
  private readonly logger: Logger;

  constructor(options: CallerTokenDataSourceOptions) {
    super({ url: options.url });
    this.subgraphName = options.name;
    this.signingKey = options.signingKey;
    this.logger = options.logger;
    this.fetcher = createSubgraphFetcher(
      this.fetcher,
      options.timeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS,
    );
  }

  override async willSendRequest(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<void> {
    const headers = options.request.http?.headers;
    // process() always builds request.http before calling us; without it there is nothing to secure.
    if (!headers)
      throw new Error(`no HTTP request to ${this.subgraphName} to attach a caller token to`);
    // Health checks and schema loading are the gateway's own requests, not a client's.
    const context = 'incomingRequestContext' in options ? options.context : undefined;
    const requestId = context?.requestId ?? 'gateway';
    headers.set(CALLER_HEADER, await this.callerToken(context));
    headers.set(REQUEST_ID_HEADER, requestId);
    // Defence in depth: the client's access token is for the gateway only.
    headers.delete('authorization');
  }

  override didEncounterError(
    error: Error,
    _fetchRequest: unknown,
    response?: FetcherResponse,
    context?: GatewayContext,
  ): void {
    (context?.logger ?? this.logger).error(
      { err: error, subgraph: this.subgraphName, status: response?.status },
      `no usable answer from the ${this.subgraphName} subgraph`,
    );
    throw new SubgraphUnavailableError(this.subgraphName);
  }

  private callerToken(context: GatewayContext | undefined): Promise<string> {
    if (!context)
      return signCallerToken(anonymousCaller('gateway'), this.signingKey, this.subgraphName);
    let token = context.callerTokens.get(this.subgraphName);
    if (!token) {
      token = signCallerToken(context.caller, this.signingKey, this.subgraphName);
      context.callerTokens.set(this.subgraphName, token);
    }
    return token;
  }
}

/**
 * Wraps the data source's fetcher with a timeout, and keeps partial results. This is a general
 * gateway: a subgraph may answer non-2xx with an executed result (Apollo Server sets the status from
 * `extensions.http`), and RemoteGraphQLDataSource treats every non-2xx response as a failed fetch,
 * which would drop the data. A non-2xx response whose body has `data` is handed on as that result.
 */
export function createSubgraphFetcher(base: Fetcher, timeoutMs: number): Fetcher {
  return async (url, init = {}) => {
    const signal: unknown = init.signal;
    const response = await base(url, { ...init, signal: signal ?? AbortSignal.timeout(timeoutMs) });
    if (response.ok) return response;
    const body = await response.text();
    const executed = isExecutedResult(body);
    return new Response(body, {
      status: executed ? 200 : response.status,
      statusText: executed ? 'OK' : response.statusText,
      headers: [...response.headers],
    });
  };
}

function isExecutedResult(body: string): boolean {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && 'data' in parsed;
  } catch {
    return false;
  }
}
