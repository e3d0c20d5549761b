import { DEFAULT_TIME_ZONE } from '@resident-graph/calendar';
import { isoDate, logLevel, parseEnv, port, z } from '@resident-graph/config';

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * Configuration every agency subgraph reads, with the same variable names everywhere so operators
 * learn them once. Defaults suit local development from the repository root.
 */
export function loadSubgraphConfig(
  name: string,
  defaultPort: number,
  env: Record<string, string | undefined>,
) {
  const config = parseEnv(
    `${name} subgraph`,
    {
      /** Port to listen on (default: the agency's development port; 0 = any free port). */
      PORT: port(defaultPort),
      /** Interface to bind (default 127.0.0.1; 0.0.0.0 in containers). */
      HOST: z.string().min(1).default('127.0.0.1'),
      /** Directory for local state (default .data). */
      DATA_DIR: z.string().min(1).default('.data'),
      /** SQLite file of this agency's store (default <DATA_DIR>/<name>.sqlite). */
      DATABASE_FILE: z.string().min(1).optional(),
      /**
       * PostgreSQL URL, ideally naming this agency's own role (rg_<name>); when set, the store lives
       * in PostgreSQL instead of SQLite (default unset: SQLite).
       */
      DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
      /**
       * File holding the password of DATABASE_URL's role, e.g. a mounted secret (default unset: the
       * URL's own password, if any). Keeps the password out of the environment and the image.
       */
      DATABASE_PASSWORD_FILE: z.string().min(1).optional(),
      /** PostgreSQL schema of this agency's store (default the agency name, dashes as underscores). */
      DATABASE_SCHEMA: z
        .string()
        .regex(/^[a-z][a-z0-9_]{0,62}$/)
        .optional(),
      /** Public JWKS of the gateway's caller-token key (default <DATA_DIR>/keys/gateway-caller.jwks.json). */
      GATEWAY_JWKS_FILE: z.string().min(1).optional(),
      /**
       * Private JWK this service signs its records with (identity: the disclosure log); created on
       * first use when missing, for development (default <DATA_DIR>/keys/<name>-records.json).
       */
      RECORDS_KEY_FILE: z.string().min(1).optional(),
      /** Pins "today" (YYYY-MM-DD) for demos and tests; unset = the real date. */
      RG_TODAY: isoDate().optional(),
      /** IANA time zone that decides "today" for deadlines (default America/New_York). */
      RG_TIME_ZONE: z
        .string()
        .default(DEFAULT_TIME_ZONE)
        .refine(isTimeZone, 'not an IANA time zone, e.g. America/New_York'),
      /** pino log level (default info). */
      LOG_LEVEL: logLevel(),
      /** On SIGTERM, how long in-flight requests may take before their connections close, in ms (default 10000). */
      SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
      /**
       * Redis that carries "tell us once" notifications between life-events and the agencies
       * (default unset, as for the gateway: declarations are recorded and wait in the outbox until
       * life-events and the agencies run with it; they are delivered then). Start-up never waits
       * for Redis, and a Redis that goes away only delays delivery.
       */
      REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
      /** First part of every Redis key, as for the gateway (default resident-graph). */
      REDIS_KEY_PREFIX: z.string().min(1).max(64).default('resident-graph'),
      /** Deliveries of one notification before the agency dead-letters it (default 5). */
      NOTIFICATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
      /** Wait before an agency retries a notification, doubled each time, in ms (default 1000). */
      NOTIFICATION_RETRY_BASE_MS: z.coerce.number().int().min(10).default(1_000),
      /** life-events publishes again a notification with no outcome after this many ms (default 60000). */
      NOTIFICATION_REDELIVER_AFTER_MS: z.coerce.number().int().min(100).default(60_000),
      /**
       * About how many notifications one agency's stream keeps before life-events trims the oldest
       * (default 100000); a trimmed one without an outcome is published again.
       */
      NOTIFICATION_STREAM_MAX_LENGTH: z.coerce.number().int().min(100).default(100_000),
      /** OTLP/HTTP collector base URL; set it to export traces (default unset: tracing off). */
      OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
      /** `service.name` of the spans (default the subgraph's name). */
      OTEL_SERVICE_NAME: z.string().min(1).optional(),
    },
    env,
  );
  return Object.freeze({
    name,
    port: config.PORT,
    host: config.HOST,
    databaseFile: config.DATABASE_FILE ?? `${config.DATA_DIR}/${name}.sqlite`,
    postgres: config.DATABASE_URL
      ? {
          url: config.DATABASE_URL,
          passwordFile: config.DATABASE_PASSWORD_FILE ?? null,
          schema: config.DATABASE_SCHEMA ?? name.replace(/-/g, '_'),
        }
      : null,
    gatewayJwksFile: config.GATEWAY_JWKS_FILE ?? `${config.DATA_DIR}/keys/gateway-caller.jwks.json`,
    recordsKeyFile: config.RECORDS_KEY_FILE ?? `${config.DATA_DIR}/keys/${name}-records.json`,
    today: config.RG_TODAY ?? null,
    timeZone: config.RG_TIME_ZONE,
    logLevel: config.LOG_LEVEL,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    delivery: {
      redisUrl: config.REDIS_URL ?? null,
      keyPrefix: config.REDIS_KEY_PREFIX,
      maxAttempts: config.NOTIFICATION_MAX_ATTEMPTS,
      retryBaseMs: config.NOTIFICATION_RETRY_BASE_MS,
      redeliverAfterMs: config.NOTIFICATION_REDELIVER_AFTER_MS,
      streamMaxLength: config.NOTIFICATION_STREAM_MAX_LENGTH,
    },
    tracing: config.OTEL_EXPORTER_OTLP_ENDPOINT
      ? {
          otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
          service: config.OTEL_SERVICE_NAME ?? name,
        }
      : null,
  });
}

export type SubgraphConfig = ReturnType<typeof loadSubgraphConfig>;
