import { Router } from 'express';

/** What a readiness check found: whether to take traffic, and what each dependency looks like. */
export interface Readiness {
  ready: boolean;
  /** Per dependency: a state operators can read (`"up"`, `"not configured"`, an object…). */
  checks: Record<string, unknown>;
}

/** Longest a readiness check may take before it counts as not ready (a stuck database must not hang probes). */
export const READINESS_TIMEOUT_MS = 2_000;

/**
 * `GET /health` (kept for existing probes: liveness), `GET /health/live` (the process runs its event
 * loop; never touches dependencies, so a slow database does not get the process restarted) and
 * `GET /health/ready` (200 when `readiness` says ready, else 503; the body says why either way).
 */
export function createHealthRoutes(service: string, readiness: () => Promise<Readiness>): Router {
  const router = Router();
  const live = (_req: unknown, res: { json(body: unknown): void }) =>
    res.json({ status: 'ok', service });
  router.get('/health', live);
  router.get('/health/live', live);
  router.get('/health/ready', (_req, res, next) => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<Readiness>((resolve) => {
      timer = setTimeout(
        () => resolve({ ready: false, checks: { readiness: 'check timed out' } }),
        READINESS_TIMEOUT_MS,
      );
    });
    Promise.race([readiness(), timedOut])
      .finally(() => clearTimeout(timer))
      .then(({ ready, checks }) => {
        res.status(ready ? 200 : 503).json({
          status: ready ? 'ready' : 'not ready',
          service,
          checks,
        });
      }, next);
  });
  return router;
}
