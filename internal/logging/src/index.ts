import { pino, type Logger } from 'pino';

export type { Logger };

/** One JSON logger per service; `service` is on every line so merged logs stay readable. */
export function createLogger(service: string, level: string = 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    redact: { paths: ['req.headers.authorization', '*.ssn', 'ssn'], censor: '[redacted]' },
  });
}
