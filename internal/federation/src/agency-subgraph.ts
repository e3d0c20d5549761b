import type { Caller, SigningKey } from '@resident-graph/caller';
import type { Clock } from '@resident-graph/calendar';
import type { Logger } from '@resident-graph/logging';
import type { ResidentFacts } from '@resident-graph/personas';
import type { AgencyDatabase, Kysely, Migration } from '@resident-graph/store';
import type { AgencyDecision, Notification, Outbox } from '@resident-graph/notifications';
import type { GraphQLSchema } from 'graphql';

/** What a running subgraph is built from; the same for production, `npm start` and tests. */
export interface SubgraphDeps<DB> {
  store: AgencyDatabase<DB>;
  clock: Clock;
  logger: Logger;
  /**
   * The key this service signs its own records with (identity signs its disclosure log), from
   * RECORDS_KEY_FILE. Absent only where nothing is signed (loader tests); signing then fails loudly.
   */
  recordsKey?: SigningKey;
}

/**
 * Everything the platform needs to know about one agency's subgraph: how to build its schema, its
 * store's migrations and seed, and its per-request context. Scripts (compose, seed, start) and the
 * test harness treat every agency alike through this, so no agency is special-cased anywhere.
 */
export interface SubgraphDefinition<DB, Context extends object> {
  /** Name in the supergraph (`join__Graph`), e.g. `ssa`. */
  readonly name: string;
  /** Port for local development; tests use 0. */
  readonly defaultPort: number;
  readonly migrations: Record<string, Migration>;
  /** Builds the federated schema; memoised by the definition, since type-graphql builds are slow. */
  buildSchema(): Promise<GraphQLSchema>;
  /** Per-request context: the caller and fresh DataLoaders (never shared across requests). */
  createContext(deps: SubgraphDeps<DB>, caller: Caller): Context;
  /** Writes the agency's part of a batch of synthetic residents (one transaction per call). */
  seed(db: Kysely<DB>, residents: readonly ResidentFacts[]): Promise<void>;
  /** Whether the store already holds seed data. */
  isSeeded(db: Kysely<DB>): Promise<boolean>;
  /** Tell us once, receiving side: the notifications this agency applies (absent: none). */
  readonly notifications?: NotificationHandler<DB>;
  /** Tell us once, declaring side: the outbox this subgraph owns and relays (life-events). */
  readonly outbox?: (deps: SubgraphDeps<DB>) => Outbox;
}

/** How an agency applies what residents declared elsewhere (ADR 0014). */
export interface NotificationHandler<DB> {
  /** The `Agency` value whose notification stream this subgraph reads, e.g. `SSA`. */
  readonly agency: string;
  /** Applies one notification idempotently, with `applyOnce`; throwing means retry later. */
  apply(deps: SubgraphDeps<DB>, notification: Notification): Promise<AgencyDecision>;
}

/** Memoises an async factory: the schema is built once per process. */
export function once<T>(factory: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= factory());
}
