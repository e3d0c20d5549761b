// npm start: seeds the embedded databases if empty, starts every subgraph and the gateway as their own
// processes, prefixes their logs, and stops them all on Ctrl-C.
// With DATABASE_URL set (a PostgreSQL URL allowed to create roles and schemas; DATABASE_PASSWORD_FILE
// may hold its password) the stores live there instead: one schema per agency, seeded if empty, and
// each subgraph connects as its agency's own role with a password made up for this run.
import { systemClock } from '@resident-graph/calendar';
import { GATEWAY_NODE_FLAGS } from '@resident-graph/gateway/node-flags';
import { buildIde } from '@resident-graph/ide/build';
import { agencyDatabaseUrl, withDatabasePassword } from '@resident-graph/store';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ensureDevelopmentKeys } from './lib/keys.js';
import { markRunning, readSeedRecord, seedStores } from './lib/seed-stores.js';
import { startService, stopServices, waitForReady, type ServiceProcess } from './lib/processes.js';
import { LOCAL_REDIS_URL, redisAnswers } from './lib/local-redis.js';
import { subgraphs } from './lib/subgraphs.js';

const started = performance.now();
const dataDir = process.env['DATA_DIR'] ?? '.data';
// RG_PORTS=ephemeral lets the OS pick every port (tests, or a machine where 4000-4107 are taken).
const ephemeral = process.env['RG_PORTS'] === 'ephemeral';
const gatewayPort = ephemeral ? 0 : Number(process.env['GATEWAY_PORT'] ?? 4000);
const adminUrl = process.env['DATABASE_URL'] || undefined;
const adminPasswordFile = process.env['DATABASE_PASSWORD_FILE'] || undefined;
const databaseUrl =
  adminUrl && adminPasswordFile
    ? withDatabasePassword(adminUrl, readFileSync(adminPasswordFile, 'utf8').trim())
    : adminUrl;
// The admin connection stays here: each subgraph gets only its own role's URL (below).
const { DATABASE_URL: _url, DATABASE_PASSWORD_FILE: _file, ...inherited } = process.env;
// Redis carries "tell us once" notifications and the gateways' shared tier. Use REDIS_URL, or a
// local Redis when one answers; without one, declarations wait in their outbox (docs/operations.md).
const redisUrl =
  process.env['REDIS_URL'] || ((await redisAnswers(LOCAL_REDIS_URL)) ? LOCAL_REDIS_URL : undefined);
const env = {
  ...inherited,
  DATA_DIR: dataDir,
  APOLLO_TELEMETRY_DISABLED: 'true',
  ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
};
// A fresh password per agency role for this run, set by the seeder (PostgreSQL only).
const rolePasswords: Record<string, string> = databaseUrl
  ? Object.fromEntries(subgraphs.map((s) => [s.name, randomBytes(18).toString('base64url')]))
  : {};

// Keys first: subgraphs read the gateway's public key at start-up, tokens need the issuer's.
await ensureDevelopmentKeys(dataDir);
// The gateway serves the browser IDE in development; build it if its sources changed (seconds, once).
if (await buildIde({ quiet: true })) console.log('Built the browser IDE (ide/dist)');

// The services run as of RG_TODAY when it is set, else as of today; new stores are seeded to match.
const runsAsOf = process.env['RG_TODAY'] ?? systemClock(process.env['RG_TIME_ZONE']).today();
const seed = await seedStores({
  dataDir,
  asOf: runsAsOf,
  generated: 1000,
  onlyIfEmpty: true,
  databaseUrl,
  rolePasswords,
});
console.log(
  redisUrl
    ? `Redis: ${new URL(redisUrl).host} ("tell us once" delivery, the gateway's shared tier)`
    : `No Redis at ${new URL(LOCAL_REDIS_URL).host} and no REDIS_URL: "tell us once" declarations wait in their outbox, the gateway's tier is in-process`,
);
const storesIn = databaseUrl ? `PostgreSQL ${new URL(databaseUrl).host}` : dataDir;
const seededAsOf = readSeedRecord(dataDir)?.asOf ?? runsAsOf;
console.log(
  seed.seeded.length
    ? `Seeded ${seed.seeded.join(', ')} (personas + 1000 residents, as of ${runsAsOf})`
    : `Stores in ${storesIn} already seeded as of ${seededAsOf}`,
);
if (seededAsOf !== runsAsOf) {
  console.log(
    `Note: the personas were seeded as of ${seededAsOf} but the services run as of ${runsAsOf}, so ` +
      `"turning 65 in two months" has drifted. Re-seed with: npm run seed -- --as-of ${runsAsOf}`,
  );
}

const width = Math.max(...subgraphs.map((s) => s.name.length), 'gateway'.length);
const services: ServiceProcess[] = [];
let stopping = false;
const unmarkRunning = markRunning(dataDir);
const stopAll = async (code: number) => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping all services…');
  await stopServices(services);
  unmarkRunning();
  process.exit(code);
};
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

let gatewayUrl = '';
try {
  subgraphs.forEach((definition, index) => {
    const port = ephemeral ? 0 : definition.defaultPort;
    services.push(
      startService(
        definition.name,
        `subgraphs/${definition.name}/src/main.ts`,
        {
          ...env,
          PORT: String(port),
          ...(databaseUrl
            ? {
                DATABASE_URL: agencyDatabaseUrl(
                  databaseUrl,
                  definition.name,
                  rolePasswords[definition.name],
                ),
              }
            : {}),
        },
        index,
        width,
      ),
    );
  });
  const subgraphUrls = await Promise.all(services.map((service) => waitForReady(service)));
  const gateway = startService(
    'gateway',
    'gateway/src/main.ts',
    {
      ...env,
      PORT: String(gatewayPort),
      // Where each subgraph really listens, whatever the supergraph's development URLs say.
      SUBGRAPH_URLS: JSON.stringify(
        Object.fromEntries(subgraphs.map((d, i) => [d.name, subgraphUrls[i]])),
      ),
    },
    subgraphs.length,
    width,
    GATEWAY_NODE_FLAGS,
  );
  services.push(gateway);
  gatewayUrl = await waitForReady(gateway);
} catch (error) {
  console.error(`Start-up failed: ${(error as Error).message}`);
  await stopAll(1);
}
for (const service of services) {
  void service.exited.then((code) => {
    if (!stopping) {
      console.error(`${service.name} exited unexpectedly (code ${code}); stopping everything.`);
      void stopAll(1);
    }
  });
}

// A stop already under way (Ctrl-C or a failure during start-up) must not be followed by a banner.
if (stopping) await new Promise(() => {});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`
Resident Graph is ready in ${seconds} s.

  Gateway:   ${gatewayUrl}
  IDE:       ${gatewayUrl}   (open it in a browser; "Sign in as" picks a persona)
  A token:   npm run token -- ava        (personas: ava walter rosa nora marcus grace)
  Try it:

  curl -s ${gatewayUrl} \\
    -H "authorization: Bearer $(npm run -s token -- ava)" -H 'content-type: application/json' \\
    -d '{"query":"{ me { givenName journey(event: TURNING_65) { steps { position title agency task { __typename ... on AgencyTask { status { label description } } } } } } }"}'

Press Ctrl-C to stop.`);
