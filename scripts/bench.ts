// npm run bench -- [--residents N]: how long seeding every agency's store takes, against the cost of
// only generating the same residents (the baseline, measured in the same run on the same machine).
import { generateResidents } from '@resident-graph/personas/generate';
import { systemClock } from '@resident-graph/calendar';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { seedStores } from './lib/seed-stores.js';

const { values } = parseArgs({ options: { residents: { type: 'string', default: '100000' } } });
const count = Number(values.residents);
const asOf = systemClock(process.env['RG_TIME_ZONE']).today();

const generateStart = performance.now();
let generated = 0;
for (const _ of generateResidents(count, asOf)) generated += 1;
const generateSeconds = (performance.now() - generateStart) / 1000;

const dataDir = mkdtempSync(join(tmpdir(), 'rg-bench-'));
try {
  const seedStart = performance.now();
  const result = await seedStores({ dataDir, asOf, generated: count, onlyIfEmpty: false });
  const seedSeconds = (performance.now() - seedStart) / 1000;
  console.log(
    `seed bench: ${result.residents} residents into ${result.seeded.length} agency stores`,
  );
  console.log(`  baseline (generate ${generated} residents only): ${generateSeconds.toFixed(2)} s`);
  console.log(
    `  seed (generate + write every store):            ${seedSeconds.toFixed(2)} s  (${Math.round(result.residents / seedSeconds)} residents/s)`,
  );
  console.log(`  ratio seed / baseline: ${(seedSeconds / generateSeconds).toFixed(2)}`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
