import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher } from '@apollo/utils.fetcher';
import { anonymousCaller, CALLER_HEADER, REQUEST_ID_HEADER } from '@resident-graph/caller';
import type { Logger } from '@resident-graph/logging';
import { injectTraceContext } from '@resident-graph/observability';
import { Kind, parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import type { CallerTokens } from './auth/caller-tokens.js';
import type { GatewayContext } from './context.js';
import { postToSubgraph, type SubgraphReply } from './fetch/subgraph-http.js';
import { createUndiciFetcher } from './fetch/undici-fetcher.js';
import { FAILED_FETCH_EXTENSION, type FailedFetch } from './plugins/failed-fetch-paths.js';
import {
  createAgencyPolicy,
  type AgencyPolicy,
  type OperationKind,
} from './resilience/agency-policy.js';
import { resilienceFor } from './resilience/settings.js';
import { restrictCachePolicy, type CacheHint } from './response-cache/cache-hints.js';
import { InFlightFetches } from './fetch/in-flight.js';
import {
  SubgraphFailureError,
  SubgraphFetchFailure,
  type SubgraphFailureKind,
} from './resilience/subgraph-errors.js';

export { SubgraphUnavailableError } from './resilience/subgraph-errors.js';

/** How long the gateway waits for one subgraph request before giving up on it. */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;

/** What the data source reports about each fetch, for metrics. */
export interface FetchObserver {
  (event: {
    agency: string;
    /** null when the fetch gave a usable answer. */
    failure: SubgraphFailureKind | null;
    durationSeconds: number;
  }): void;
}

export interface CallerTokenDataSourceOptions {
  /** Subgraph name in the supergraph (`join__Graph`); the audience of the caller tokens it gets. */
  name: string;
  url: string;
  /** Signs (and reuses) the caller tokens; one for every data source of the gateway. */
  callerTokens: CallerTokens;
  logger: Logger;
  /**
   * This agency's timeout, retries and breaker, shared with every other data source for it.
   * Default: a fresh policy with the default settings and `timeoutMs`.
   */
  policy?: AgencyPolicy;
  /** Per-fetch timeout when no `policy` is given, in milliseconds. Default DEFAULT_SUBGRAPH_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Told about every client fetch and how it ended. Default none. */
  observeFetch?: FetchObserver;
  /**
   * Send identical query fetches in flight at once for the same caller only once (see
   * InFlightFetches). Default true.
   */
  deduplicate?: boolean;
  /** Told each time a fetch joined an identical one in flight. Default none. */
  observeDeduplicated?: (agency: string) => void;
  /** The cache hint to assume when this subgraph sends no Cache-Control. Default none: not cacheable. */
  defaultCacheHint?: CacheHint | undefined;
}

/** One undici pool for every subgraph data source of the process, made on first use. */
let sharedFetcher: Fetcher | undefined;
const subgraphFetcher = () => (sharedFetcher ??= createUndiciFetcher());

/** What a client fetch gave: the result, and the Cache-Control the subgraph (or its default) said. */
interface ClientAnswer {
  result: GatewayGraphQLResponse;
  cacheControl: string | null;
}

const copyAnswer = (answer: ClientAnswer): ClientAnswer => ({
  result: structuredClone(answer.result),
  cacheControl: answer.cacheControl,
});

/** The part of a subgraph's HTTP response that decides how a failed attempt is named. */
interface FailedResponse {
  status: number;
  ok: boolean;
}

/**
 * Sends query-plan fetches to one subgraph with a caller token the gateway signs for that subgraph
 * alone. Client headers are never forwarded: a fetch's headers are built here from nothing.
 *
 * Client fetches go straight to undici (postToSubgraph), not through RemoteGraphQLDataSource's
 * fetch stack, whose per-fetch Request, Response and Headers objects cost more than the fetch
 * itself on large plans (docs/performance.md); the gateway's own requests (health checks) still
 * take RemoteGraphQLDataSource's path. Both build their headers and name their failures the same
 * way (requestHeaders, failureOf).
 *
 * Every client fetch runs under the agency's policy (timeout, retries for queries, breaker). A fetch
 * that gives no usable answer does not fail the request: it becomes a response whose errors sit at
 * the paths this fetch would have filled, with a code naming the case and `extensions.agency`, so
 * the gateway returns every other agency's data beside it.
 */
export class CallerTokenDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraphName: string;
  private readonly callerTokens: CallerTokens;
  private readonly logger: Logger;
  private readonly policy: AgencyPolicy;
  private readonly observeFetch: FetchObserver | undefined;
  private readonly observeDeduplicated: ((agency: string) => void) | undefined;
  private readonly inFlight: InFlightFetches<ClientAnswer> | null;
  private readonly subgraphUrl: string;
  /** The Cache-Control assumed when the subgraph sends none; null: not cacheable. */
  private readonly defaultCacheControl: string | null;

  constructor(options: CallerTokenDataSourceOptions) {
    super({ url: options.url });
    this.subgraphName = options.name;
    this.callerTokens = options.callerTokens;
    this.logger = options.logger;
    this.observeFetch = options.observeFetch;
    this.observeDeduplicated = options.observeDeduplicated;
    this.inFlight = options.deduplicate === false ? null : new InFlightFetches(copyAnswer);
    this.subgraphUrl = options.url;
    this.defaultCacheControl = options.defaultCacheHint
      ? cacheControlHeader(options.defaultCacheHint)
      : null;
    this.policy =
      options.policy ??
      createAgencyPolicy(
        options.name,
        resilienceFor({}, options.name, options.timeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS),
      );
    // The gateway's own requests (health checks), bounded but outside the breaker and metrics;
    // client fetches use postToSubgraph. A signal per fetch, not an AsyncLocalStorage: in Node 20
    // one in use turns on promise hooks for every promise of the process.
    const { timeoutMs } = this.policy.settings;
    this.fetcher = createSubgraphFetcher(subgraphFetcher(), () => AbortSignal.timeout(timeoutMs));
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (!('incomingRequestContext' in options)) return super.process(options);
    const { query, variables, operationName } = options.request;
    // Serialized once: the request body, and (with the caller) what identifies it in flight.
    const body = JSON.stringify({ query, variables, operationName });
    // Only a signed-in resident is one caller: anonymous requests come from anyone, and merging
    // theirs would make unrelated clients' requests depend on each other (and flatter benchmarks).
    const answer =
      this.inFlight &&
      options.context.caller.residentId !== null &&
      query !== undefined &&
      operationKind(query) === 'query'
        ? await this.inFlight.run(
            options.context.caller,
            body,
            () => this.processClientFetch(options, body),
            { now: () => this.observeDeduplicated?.(this.subgraphName) },
          )
        : await this.processClientFetch(options, body);
    // Each request's cache policy hears what this subgraph said, whether it fetched or joined.
    if (this.honorSubgraphCacheControlHeader)
      restrictCachePolicy(
        options.incomingRequestContext.overallCachePolicy as Parameters<
          typeof restrictCachePolicy
        >[0],
        answer.cacheControl,
      );
    return answer.result;
  }

  /**
   * A fetch for a client's request: under the agency's policy, failures turned into answers (with
   * no cache-control: a failure is never cached, and says nothing of the subgraph's policy).
   */
  private async processClientFetch(
    options: ClientFetchOptions,
    body: string,
  ): Promise<ClientAnswer> {
    const started = performance.now();
    try {
      const answer = await this.policy.execute(operationKind(options.request.query), (signal) =>
        this.attempt(options, body, signal),
      );
      this.observe(null, started);
      return answer;
    } catch (error) {
      if (!(error instanceof SubgraphFetchFailure)) throw error;
      this.observe(error.kind, started);
      options.context.logger.warn(
        {
          subgraph: this.subgraphName,
          failure: error.kind,
          detail: error.detail,
          status: error.status,
          breaker: this.policy.breakerState(),
        },
        `no usable answer from the ${this.subgraphName} subgraph`,
      );
      const publicError = new SubgraphFailureError(error.kind, this.subgraphName).toJSON();
      const types = entityTypes(options.request.variables);
      if (types) {
        // Placed at the entities' paths by the failed-fetch-paths plugin (Apollo's own mapping is
        // wrong for lists of mixed types).
        const failed: FailedFetch = {
          path: [...(options.pathInIncomingRequest ?? [])],
          types,
        };
        return failedAnswer([
          {
            ...publicError,
            extensions: { ...publicError.extensions, [FAILED_FETCH_EXTENSION]: failed },
          },
        ]);
      }
      const fields = rootFields(options.request.query);
      // Never an empty list: no errors would read as success.
      if (fields.length === 0) return failedAnswer([publicError]);
      return failedAnswer(
        fields.map((field): GraphQLFormattedError => ({ ...publicError, path: [field] })),
      );
    }
  }

  /** One attempt of a client fetch: POST, read, check; a SubgraphFetchFailure when unusable. */
  private async attempt(
    options: ClientFetchOptions,
    body: string,
    signal: AbortSignal,
  ): Promise<ClientAnswer> {
    const representations: unknown = options.request.variables?.['representations'];
    let reply: SubgraphReply | undefined;
    try {
      reply = await postToSubgraph(
        this.subgraphUrl,
        await this.requestHeaders(options.context),
        body,
        signal,
      );
      const result = resultOf(reply);
      checkShape(result, Array.isArray(representations) ? representations.length : null);
      return {
        result: result,
        cacheControl: reply.cacheControl ?? this.defaultCacheControl,
      };
    } catch (error) {
      if (error instanceof SubgraphFetchFailure) throw error;
      throw this.failureOf(
        error as Error,
        reply && { status: reply.status, ok: reply.status >= 200 && reply.status < 300 },
        signal.aborted,
      );
    }
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
    for (const [name, value] of Object.entries(await this.requestHeaders(context)))
      headers.set(name, value);
    // Defence in depth: the client's access token is for the gateway only.
    headers.delete('authorization');
  }

  /**
   * A fetch's headers: the caller token signed for this subgraph, the request id and the trace
   * context. Nothing of the client's request is among them.
   */
  private async requestHeaders(context: GatewayContext | undefined) {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [CALLER_HEADER]: await this.callerToken(context),
      [REQUEST_ID_HEADER]: context?.requestId ?? 'gateway',
    };
    // W3C trace context: the subgraph's spans join this request's trace (no-op when tracing is off).
    injectTraceContext({ set: (name, value) => (headers[name] = value) });
    return headers;
  }

  /** Says which case a failed attempt was; the policy retries and counts it, process() reports it. */
  override didEncounterError(
    error: Error,
    _fetchRequest: unknown,
    response?: FailedResponse,
  ): never {
    throw this.failureOf(error, response, isAbort(error));
  }

  private failureOf(
    error: Error,
    response: FailedResponse | undefined,
    timedOut: boolean,
  ): SubgraphFetchFailure {
    if (timedOut) {
      return new SubgraphFetchFailure(
        'timeout',
        response ? 'stopped sending its answer' : 'no answer in time',
        response?.status,
        { cause: error },
      );
    }
    if (!response)
      return new SubgraphFetchFailure('unavailable', error.message, undefined, { retryable: true });
    if (UNAVAILABLE_STATUSES.has(response.status)) {
      return new SubgraphFetchFailure('unavailable', `HTTP ${response.status}`, response.status, {
        retryable: RETRYABLE_STATUSES.has(response.status),
      });
    }
    return new SubgraphFetchFailure(
      'bad-response',
      response.ok ? error.message : `HTTP ${response.status}`,
      response.status,
    );
  }

  private observe(failure: SubgraphFailureKind | null, started: number): void {
    this.observeFetch?.({
      agency: this.subgraphName,
      failure,
      durationSeconds: (performance.now() - started) / 1000,
    });
  }

  private callerToken(context: GatewayContext | undefined): Promise<string> {
    if (!context) return this.callerTokens.tokenFor(GATEWAY_CALLER, this.subgraphName);
    let token = context.callerTokens.get(this.subgraphName);
    if (!token) {
      token = this.callerTokens.tokenFor(context.caller, this.subgraphName);
      context.callerTokens.set(this.subgraphName, token);
    }
    return token;
  }
}

/** Who the gateway's own requests (health checks) come from: no one signed in. */
const GATEWAY_CALLER = anonymousCaller('gateway');

/** An error from a fetch that its abort signal (its time limit) stopped. */
const isAbort = (error: Error) => error.name === 'TimeoutError' || error.name === 'AbortError';

type ClientFetchOptions = Extract<
  GraphQLDataSourceProcessOptions<GatewayContext>,
  { incomingRequestContext: unknown }
>;

const failedAnswer = (errors: GraphQLFormattedError[]): ClientAnswer => ({
  result: { errors },
  cacheControl: null,
});

const cacheControlHeader = (hint: CacheHint) =>
  `max-age=${hint.maxAge}, ${hint.scope === 'PUBLIC' ? 'public' : 'private'}`;

/**
 * The GraphQL result in a subgraph's reply, as RemoteGraphQLDataSource would read it, except that a
 * non-2xx reply whose body is an executed result (it has `data`) is kept: a general gateway gets
 * partial data with an error status from some servers (Apollo Server sets the status from
 * `extensions.http`), and dropping it would lose the data. Throws for anything else.
 */
function resultOf(reply: SubgraphReply): Record<string, unknown> {
  const ok = reply.status >= 200 && reply.status < 300;
  if (!ok) {
    if (isExecutedResult(reply.body)) return JSON.parse(reply.body) as Record<string, unknown>;
    throw new Error(`HTTP ${reply.status}`);
  }
  const json =
    reply.contentType !== null &&
    (reply.contentType.startsWith('application/json') ||
      reply.contentType.startsWith('application/graphql-response+json'));
  const body: unknown = json ? JSON.parse(reply.body) : reply.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new Error(`Expected JSON response body, but received: ${String(body).slice(0, 100)}`);
  return body as Record<string, unknown>;
}

/**
 * Statuses that mean "the service will not serve us": not there right now (a proxy or the service
 * says so), overloaded, or refusing the gateway itself (a key mismatch is an outage for every
 * resident, not the client being signed out). Other error statuses are bad answers.
 */
const UNAVAILABLE_STATUSES = new Set([401, 403, 429, 502, 503, 504]);
/** Of those, the ones a second try may get past. 429 is left out: retrying adds to the overload. */
const RETRYABLE_STATUSES = new Set([502, 503, 504]);

/** Reads the kind from the operation text the query planner wrote (one operation per fetch). */
function operationKind(query: string | undefined): OperationKind {
  // Anything but a plain query (a mutation, or text we cannot read) is never sent twice.
  return query !== undefined && /^\s*(query\b|\{)/.test(query) ? 'query' : 'mutation';
}

/** The typenames of an entity fetch's representations (null for a root fetch). */
function entityTypes(variables: Record<string, unknown> | undefined): string[] | null {
  const representations = variables?.['representations'];
  if (!Array.isArray(representations)) return null;
  return [
    ...new Set(
      representations.map((r) => String((r as Record<string, unknown> | null)?.['__typename'])),
    ),
  ];
}

/** The response keys a root fetch fills: where its failure's errors go. */
function rootFields(query: string | undefined): string[] {
  let document: DocumentNode | undefined;
  try {
    document = query === undefined ? undefined : parse(query, { noLocation: true });
  } catch {
    return [];
  }
  const operation = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return (
    operation?.selectionSet.selections.flatMap((s) =>
      s.kind === Kind.FIELD ? [(s.alias ?? s.name).value] : [],
    ) ?? []
  );
}

/**
 * A 200 answer must still be a GraphQL result the gateway can merge: an object with `data` and/or
 * an `errors` list, and for an entity fetch one entity per representation. Anything else would
 * fail later as an internal error with no agency named; here it is a bad answer from that agency.
 */
function checkShape(response: Record<string, unknown>, representations: number | null): void {
  const { data, errors } = response;
  const bad = (detail: string) => {
    throw new SubgraphFetchFailure('bad-response', detail);
  };
  if (errors !== undefined && !Array.isArray(errors)) bad('errors is not a list');
  if (data === undefined && errors === undefined) bad('neither data nor errors');
  if (data === undefined || data === null) return;
  if (typeof data !== 'object' || Array.isArray(data)) bad('data is not an object');
  if (representations === null) return;
  const entities = (data as Record<string, unknown>)['_entities'];
  if (!Array.isArray(entities) || entities.length !== representations)
    bad(`expected ${representations} entities`);
}

/**
 * Wraps the data source's fetcher so each attempt honours the policy's abort signal (while waiting
 * for headers and while reading the body), and keeps partial results. This is a general gateway: a
 * subgraph may answer non-2xx with an executed result (Apollo Server sets the status from
 * `extensions.http`), and RemoteGraphQLDataSource treats every non-2xx response as a failed fetch,
 * which would drop the data. A non-2xx response whose body has `data` is handed on as that result.
 */
export function createSubgraphFetcher(
  base: Fetcher,
  signalForAttempt: () => AbortSignal | undefined,
): Fetcher {
  return async (url, init = {}) => {
    const signal: unknown = init.signal ?? signalForAttempt();
    const response = await base(url, { ...init, ...(signal ? { signal } : {}) });
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
