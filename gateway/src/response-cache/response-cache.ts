import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import type { ClientRegistry } from '@resident-graph/authorization';
import type { Caller } from '@resident-graph/caller';
import type { Logger } from '@resident-graph/logging';
import { OperationTypeNode } from 'graphql';
import { CONSENT_PREVIEW_EXTENSION } from '../authorization/authorizing-gateway.js';
import type { GatewayContext } from '../context.js';
import type { SharedTier, TierKeys } from '../shared-tier/shared-tier.js';
import { tierKeyValueCache } from '../shared-tier/tier-key-value-cache.js';

export interface ResponseCacheOptions {
  tier: SharedTier;
  keys: TierKeys;
  clients: ClientRegistry;
  logger: Logger;
  /** Told whether each cacheable query was answered from the cache. */
  onLookup?: (result: 'hit' | 'miss') => void;
}

/** What the cache decided about one request, once, before Apollo's plugin asks. */
interface RequestCacheState {
  /** false: this request neither reads nor writes the cache. */
  usable: boolean;
  /** The resident's invalidation generation when the request started. */
  generation: number;
}

/**
 * The response cache: Apollo's response cache plugin over the shared tier, with the gateway's
 * rules about who may share what.
 *
 * - Only first-party callers (and anonymous ones) use it. An answer to a third-party integrator or
 *   to staff is never read from or written to it: every release of a resident's data to them is
 *   checked against consent and recorded when it happens, which a cached answer would skip.
 * - An answer is cached only as long as every subgraph's Cache-Control allows (Apollo's gateway
 *   turns those into the response's cache policy), and only without errors (so a refused field is
 *   never cached).
 * - PRIVATE answers are keyed by the verified caller: resident, client, granted scopes, identity
 *   assurance, and the resident's invalidation generation. PUBLIC answers are shared only among
 *   callers with the same client, scopes and assurance (so authorization would decide the same).
 * - Any mutation by a resident bumps their generation: every private answer cached for them is
 *   unreachable from that moment, on every replica (consent changes are mutations too). So does a
 *   release of their records to an application or caseworker (their disclosure log grew).
 * - Keys carry the supergraph version (see tierKeys).
 */
export function createResponseCache(
  options: ResponseCacheOptions,
): ApolloServerPlugin<GatewayContext>[] {
  const { tier, keys, clients, logger } = options;
  const states = new WeakMap<GatewayContext, Promise<RequestCacheState>>();
  // Residents whose generation could not be bumped (tier down): never cached here until it is.
  const pendingInvalidations = new Set<string>();
  const generationKey = (residentId: string) => keys.plain(`{r:${residentId}}:generation`);

  const mayUseCache = (caller: Caller) =>
    caller.clientId === null
      ? caller.residentId === null
      : clients.find(caller.clientId)?.kind === 'first-party';

  async function decide(caller: Caller): Promise<RequestCacheState> {
    const unusable = { usable: false, generation: 0 };
    if (!mayUseCache(caller)) return unusable;
    if (caller.residentId === null) return { usable: true, generation: 0 };
    if (pendingInvalidations.has(caller.residentId)) {
      if (!(await tier.increment(generationKey(caller.residentId)))) return unusable;
      pendingInvalidations.delete(caller.residentId);
    }
    const generation = await tier.counter(generationKey(caller.residentId));
    // Without the generation an old answer cannot be told from a current one: go without.
    return generation === null ? unusable : { usable: true, generation };
  }
  const stateOf = (context: GatewayContext) => {
    let state = states.get(context);
    if (!state) {
      state = decide(context.caller);
      states.set(context, state);
    }
    return state;
  };
  // A consent preview runs with the application's would-be access and marks the request as seen
  // at identity: it must execute every time, and its answer is not the resident's own.
  const usable = async (rc: GraphQLRequestContext<GatewayContext>) =>
    rc.request.extensions?.[CONSENT_PREVIEW_EXTENSION] === undefined &&
    (await stateOf(rc.contextValue)).usable;

  const apolloPlugin = responseCachePlugin<GatewayContext>({
    cache: tierKeyValueCache(tier, (key) => keys.versioned(`rc:${key}`), 60),
    async sessionId(rc) {
      const { caller } = rc.contextValue;
      const state = await stateOf(rc.contextValue);
      if (!state.usable || caller.residentId === null) return null;
      return `${caller.residentId}#${state.generation}`;
    },
    // Part of every key, public ones too: callers share an answer only if authorization would
    // treat them alike.
    extraCacheKeyData: async ({ contextValue: { caller } }) => ({
      authenticated: caller.residentId !== null,
      clientId: caller.clientId,
      scopes: [...caller.scopes].sort(),
      assurance: caller.assurance,
    }),
    shouldReadFromCache: usable,
    shouldWriteToCache: usable,
  });

  const invalidationPlugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const residentId = rc.contextValue.caller.residentId;
          if (
            rc.operation?.operation === OperationTypeNode.QUERY &&
            (await stateOf(rc.contextValue)).usable
          )
            options.onLookup?.(rc.metrics.responseCacheHit ? 'hit' : 'miss');
          // A mutation changes the resident's data; a disclosure adds to their disclosure log.
          const changed =
            rc.operation?.operation === OperationTypeNode.MUTATION || rc.contextValue.disclosed;
          if (!changed || residentId === null) return;
          // After it ran, before its answer leaves: the resident's next read is fresh.
          if (!(await tier.increment(generationKey(residentId)))) {
            pendingInvalidations.add(residentId);
            logger.warn(
              'could not invalidate the resident’s cached answers; not caching for them here until it can',
            );
          }
        },
      };
    },
  };
  return [apolloPlugin, invalidationPlugin];
}
