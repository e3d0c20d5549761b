// npm run audit:verify -- [--data-dir DIR] [--jwks FILE]
// Verifies identity's disclosure log: hash chain, signatures, nothing removed. Exit 1 on any problem.
// Reads the store npm start uses (DATA_DIR/identity.sqlite), or PostgreSQL when DATABASE_URL is set.
import {
  identityMigrations,
  verifyDisclosureLog,
  type IdentityDatabase,
} from '@resident-graph/subgraph-identity';
import { openAgencyDatabase, openPostgresAgencyDatabase } from '@resident-graph/store';
import type { JSONWebKeySet } from 'jose';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: process.env['DATA_DIR'] ?? '.data' },
    database: { type: 'string' },
    jwks: { type: 'string' },
  },
});
const dataDir = values['data-dir'];
const jwksFile = values.jwks ?? `${dataDir}/keys/identity-records.jwks.json`;
let jwks: JSONWebKeySet;
try {
  jwks = JSON.parse(readFileSync(jwksFile, 'utf8')) as JSONWebKeySet;
} catch (error) {
  console.error(
    `cannot read the disclosure log's public keys ${jwksFile}: ${(error as Error).message}`,
  );
  process.exit(1);
}
const databaseUrl = process.env['DATABASE_URL'];
const store = databaseUrl
  ? await openPostgresAgencyDatabase<IdentityDatabase>(
      databaseUrl,
      process.env['DATABASE_SCHEMA'] ?? 'identity',
      identityMigrations,
    )
  : await openAgencyDatabase<IdentityDatabase>(
      values.database ?? `${dataDir}/identity.sqlite`,
      identityMigrations,
    );
try {
  const { checked, problems } = await verifyDisclosureLog(store.db, jwks);
  if (problems.length === 0) {
    console.log(`disclosure log intact: ${checked} records, chain and signatures verified`);
  } else {
    console.error(`disclosure log NOT intact (${checked} records checked):`);
    for (const { seq, problem } of problems) console.error(`  record ${seq}: ${problem}`);
    process.exitCode = 1;
  }
} finally {
  await store.close();
}
