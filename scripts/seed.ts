// npm run seed -- [--residents N] [--as-of YYYY-MM-DD] [--data-dir DIR] [--if-empty]
// Seeds every agency's embedded database with the named personas plus N generated residents.
import { isIsoDate, systemClock } from '@resident-graph/calendar';
import { parseArgs } from 'node:util';
import { runningStarter, seedStores } from './lib/seed-stores.js';

const { values } = parseArgs({
  options: {
    residents: { type: 'string', default: '1000' },
    'as-of': {
      type: 'string',
      default: process.env['RG_TODAY'] ?? systemClock(process.env['RG_TIME_ZONE']).today(),
    },
    'data-dir': { type: 'string', default: process.env['DATA_DIR'] ?? '.data' },
    'if-empty': { type: 'boolean', default: false },
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
const running = runningStarter(values['data-dir']);
if (running !== null) {
  // Its subgraphs keep the old files open: a rebuild now would change nothing they serve.
  console.error(
    `npm start (pid ${running}) is using ${values['data-dir']}; stop it (Ctrl-C) before re-seeding.`,
  );
  process.exit(1);
}
const started = performance.now();
console.log(
  `Seeding ${values['data-dir']} as of ${values['as-of']}: personas + ${generated} generated residents`,
);
const result = await seedStores({
  dataDir: values['data-dir'],
  asOf: values['as-of'],
  generated,
  onlyIfEmpty: values['if-empty'],
  log: console.log,
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  result.seeded.length
    ? `Seeded ${result.seeded.join(', ')} with ${result.residents} residents in ${seconds} s`
    : `Every store was already seeded (${values['data-dir']}/seed.json); nothing changed`,
);
