import { fixedClock, systemClock } from '@resident-graph/calendar';
import { loadOrCreateSigningKeyFile } from '@resident-graph/caller';
import { ConfigError } from '@resident-graph/config';
import { createLogger } from '@resident-graph/logging';
import { startTracing } from '@resident-graph/observability';
import {
  openAgencyDatabase,
  openPostgresAgencyDatabase,
  withDatabasePassword,
} from '@resident-graph/store';
import type { JSONWebKeySet } from 'jose';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SubgraphDefinition } from './agency-subgraph.js';
import { startDelivery } from './start-delivery.js';
import { createAgencySubgraphServer } from './start-subgraph.js';
import { loadSubgraphConfig } from './subgraph-config.js';

/**
 * The body of every subgraph's `main.ts`: read config once, open the store, listen, stop cleanly on
 * SIGINT/SIGTERM. Exits 1 with every problem listed when start-up fails.
 */
export async function runSubgraph<DB, Context extends object>(
  definition: SubgraphDefinition<DB, Context>,
  env: Record<string, string | undefined>,
): Promise<void> {
  let config;
  try {
    config = loadSubgraphConfig(definition.name, definition.defaultPort, env);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  const logger = createLogger(definition.name, config.logLevel);
  const tracing = config.tracing ? await startTracing(config.tracing) : null;
  try {
    const gatewayJwks = JSON.parse(readFileSync(config.gatewayJwksFile, 'utf8')) as JSONWebKeySet;
    const store = config.postgres
      ? await openPostgresAgencyDatabase<DB>(
          config.postgres.passwordFile
            ? withDatabasePassword(
                config.postgres.url,
                readFileSync(config.postgres.passwordFile, 'utf8').trim(),
              )
            : config.postgres.url,
          config.postgres.schema,
          definition.migrations,
        )
      : await openAgencyDatabase<DB>(config.databaseFile, definition.migrations);
    const recordsKey = await loadOrCreateSigningKeyFile(
      config.recordsKeyFile,
      `${definition.name}-records-${randomUUID().slice(0, 8)}`,
    );
    const clock = config.today ? fixedClock(config.today) : systemClock(config.timeZone);
    // Delivery never waits for Redis, so it can start first and show in readiness.
    // With the records key: identity's consumer signs the disclosures a declaration made.
    const delivery = startDelivery(
      definition,
      { store, clock, logger, recordsKey },
      config.delivery,
    );
    const server = await createAgencySubgraphServer(definition, {
      store,
      clock,
      logger,
      recordsKey,
      gatewayJwks,
      shutdownGraceMs: config.shutdownGraceMs,
      delivery,
    });
    const url = await server.listen(config.port, config.host);
    // Ctrl-C under `npm start` delivers SIGINT from the terminal and SIGTERM from the starter: stop once.
    // Stopping refuses new connections, lets in-flight requests finish for the grace period, then
    // closes what is left; if even that hangs, give up rather than never exit.
    let stopping = false;
    const shutdown = async () => {
      if (stopping) return;
      stopping = true;
      logger.info('stopping');
      const hardLimitMs = config.shutdownGraceMs + 5_000;
      setTimeout(() => {
        logger.error(`did not stop within ${hardLimitMs} ms; exiting`);
        process.exit(1);
      }, hardLimitMs).unref();
      await server.stop();
      await delivery?.stop();
      await store.close();
      await tracing?.shutdown();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown());
    process.once('SIGTERM', () => void shutdown());
    // Started by `npm start`: tell it where we listen, and stop if it goes away (no orphans).
    if (process.send) {
      process.send({ ready: url });
      process.once('disconnect', () => void shutdown());
    }
  } catch (error) {
    logger.fatal({ err: error }, `${definition.name} subgraph failed to start`);
    process.exit(1);
  }
}
