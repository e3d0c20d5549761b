// npm run seed -- [--residents N] [--as-of YYYY-MM-DD] [--data-dir DIR] [--if-empty] [--role-password-dir DIR]
// Seeds every agency's embedded database with the named personas plus N generated residents.
// With DATABASE_URL set (a PostgreSQL URL allowed to create roles and schemas, its password in the URL
// or in the file DATABASE_PASSWORD_FILE names), it seeds one schema per agency there instead, creating
// the schema and the agency's role (rg_<agency>) when missing; --role-password-dir names a directory of
// files `db-password-<agency>` whose contents become the roles' passwords (docker-compose's secrets).
import { isIsoDate, systemClock } from '@resident-graph/calendar';
import { withDatabasePassword } from '@resident-graph/store';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runningStarter, seedStores } from './lib/seed-stores.js';
import { subgraphs } from './lib/subgraphs.js';

const { values } = parseArgs({
  options: {
    residents: { type: 'string', default: '1000' },
    'as-of': {
      type: 'string',
      default: process.env['RG_TODAY'] ?? systemClock(process.env['RG_TIME_ZONE']).today(),
    },
    'data-dir': { type: 'string', default: process.env['DATA_DIR'] ?? '.data' },
    'if-empty': { type: 'boolean', default: false },
    'role-password-dir': { type: 'string' },
  },
});
const generated = Number(values.residents);
if (!Number.isInteger(generated) || generated < 0) {
  console.error(`--residents must be a whole number ≥ 0, got "${values.residents}"`);
  process.exit(1);
}
if (!isIsoDate(values['as-of'])) {
  console.error(`--as-of must be a real date, YYYY-MM-DD, got "${values['as-of']}"`);
  process.exit(1);
}
const adminUrl = process.env['DATABASE_URL'] || undefined;
const adminPasswordFile = process.env['DATABASE_PASSWORD_FILE'] || undefined;
const databaseUrl =
  adminUrl && adminPasswordFile
    ? withDatabasePassword(adminUrl, readFileSync(adminPasswordFile, 'utf8').trim())
    : adminUrl;
const passwordDir = values['role-password-dir'];
const rolePasswords: Record<string, string> = {};
if (passwordDir !== undefined) {
  for (const { name } of subgraphs) {
    const file = join(passwordDir, `db-password-${name}`);
    if (existsSync(file)) rolePasswords[name] = readFileSync(file, 'utf8').trim();
  }
}
const running = runningStarter(values['data-dir']);
if (running !== null) {
  // Its subgraphs keep the old files open: a rebuild now would change nothing they serve.
  console.error(
    `npm start (pid ${running}) is using ${values['data-dir']}; stop it (Ctrl-C) before re-seeding.`,
  );
  process.exit(1);
}
const started = performance.now();
const where = databaseUrl ? `PostgreSQL ${new URL(databaseUrl).host}` : values['data-dir'];
console.log(
  `Seeding ${where} as of ${values['as-of']}: personas + ${generated} generated residents`,
);
const result = await seedStores({
  dataDir: values['data-dir'],
  asOf: values['as-of'],
  generated,
  onlyIfEmpty: values['if-empty'],
  databaseUrl,
  rolePasswords,
  log: console.log,
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  result.seeded.length
    ? `Seeded ${result.seeded.join(', ')} with ${result.residents} residents in ${seconds} s`
    : `Every store was already seeded (${where}, recorded in ${values['data-dir']}/seed.json); nothing changed`,
);
