import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { subgraphs } from './subgraphs.js';

/**
 * The secrets docker-compose.yml mounts, by file name: the PostgreSQL admin password (the postgres
 * service and the one-shot setup) and one password per agency role, each mounted only into its own
 * subgraph. Derived from the list of subgraphs, so a new agency gets its secret without an edit here.
 */
export function deploymentSecretNames(): string[] {
  return ['postgres-admin-password', ...subgraphs.map((s) => `db-password-${s.name}`)];
}

/**
 * Writes a random password for every secret missing in `dir` (deploy/secrets/ for compose) and keeps
 * the ones there, so running it again never locks a running database out. Returns the names written.
 */
export function writeDeploymentSecrets(dir: string): string[] {
  // Only this user may list the folder; the files must stay readable by the containers' own users
  // (compose bind-mounts each file with its host permissions).
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const written: string[] = [];
  for (const name of deploymentSecretNames()) {
    const file = join(dir, name);
    if (existsSync(file)) continue;
    writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o644 });
    written.push(name);
  }
  return written;
}
