import {
  startAgencyConsumer,
  startOutboxRelay,
  type RunningWorker,
} from '@resident-graph/notifications';
import type { SubgraphDefinition, SubgraphDeps } from './agency-subgraph.js';
import type { SubgraphConfig } from './subgraph-config.js';

export type DeliveryConfig = Omit<SubgraphConfig['delivery'], 'redisUrl' | 'streamMaxLength'> & {
  /** Null: no delivery here (REDIS_URL unset); declarations wait in the outbox. */
  redisUrl: string | null;
  /** About how many entries an agency's stream keeps (default 100000). */
  streamMaxLength?: number;
  /** How often the relay reads its outbox, in ms (default 200). */
  pollMs?: number;
};

/**
 * Starts the subgraph's part in "tell us once": the outbox relay for the subgraph that owns
 * declarations, the notification consumer for an agency that receives them; null for neither.
 * Never waits for Redis: both loops keep trying while it is away.
 */
export function startDelivery<DB, Context extends object>(
  definition: SubgraphDefinition<DB, Context>,
  deps: SubgraphDeps<DB>,
  config: DeliveryConfig,
): RunningWorker | null {
  if (!definition.outbox && !definition.notifications) return null;
  const { redisUrl } = config;
  if (redisUrl === null) {
    deps.logger.warn(
      'REDIS_URL is not set: tell-us-once notifications are not delivered from this process; declarations wait in the outbox until it runs with REDIS_URL',
    );
    return null;
  }
  const workers: RunningWorker[] = [];
  if (definition.outbox) {
    workers.push(
      startOutboxRelay({
        redisUrl,
        keyPrefix: config.keyPrefix,
        outbox: definition.outbox(deps),
        logger: deps.logger,
        redeliverAfterMs: config.redeliverAfterMs,
        ...(config.pollMs !== undefined ? { pollMs: config.pollMs } : {}),
        ...(config.streamMaxLength !== undefined
          ? { streamMaxLength: config.streamMaxLength }
          : {}),
      }),
    );
  }
  const handler = definition.notifications;
  if (handler) {
    workers.push(
      startAgencyConsumer({
        redisUrl,
        keyPrefix: config.keyPrefix,
        agency: handler.agency,
        apply: (notification) => handler.apply(deps, notification),
        logger: deps.logger,
        tuning: { maxAttempts: config.maxAttempts, retryBaseMs: config.retryBaseMs },
      }),
    );
  }
  if (workers.length === 0) return null;
  return {
    redisUp: () => workers.every((w) => w.redisUp()),
    stop: async () => void (await Promise.all(workers.map((w) => w.stop()))),
  };
}
