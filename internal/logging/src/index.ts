import { destination, pino, type Logger } from 'pino';

export type { Logger };

/** One JSON logger per service; `service` is on every line so merged logs stay readable. */
export function createLogger(service: string, level: string = 'info'): Logger {
  return pino(
    {
      name: service,
      level,
      base: { service },
      redact: { paths: ['req.headers.authorization', '*.ssn', 'ssn'], censor: '[redacted]' },
    },
    // Asynchronous writes to stdout: a synchronous write per line was about 5% of the gateway's CPU
    // on the life-event workload (docs/performance.md); lines written while one write is pending
    // go out together. pino flushes what is pending when the process exits.
    destination({ dest: 1, sync: false }),
  );
}
