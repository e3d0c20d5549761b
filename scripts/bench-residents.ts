// npm run bench:residents -- [--large 1000000] [--small 1000] [--requests 300]
// Does a life-event query slow down as the stores grow? Seeds two data directories (a thousand and
// a million generated residents by default), runs `npm start` on each in turn, and sends the
// example life-event queries (turning 65, having a child, moving) for random generated residents,
// each with their own token, sequentially; reports p50/p99 for each size and the ratio.
import { issueAccessToken, loadOrCreateDevIssuerKey } from '@resident-graph/dev-issuer';
import { generatedResidentId } from '@resident-graph/personas/generate';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { seedStores } from './lib/seed-stores.js';

const { values } = parseArgs({
  options: {
    large: { type: 'string', default: '1000000' },
    small: { type: 'string', default: '1000' },
    requests: { type: 'string', default: '300' },
  },
});
const AS_OF = '2026-06-15';
const requests = Number(values.requests);
const root = new URL('../', import.meta.url);
const queries = ['turning-65', 'having-a-child', 'moving'].map((name) =>
  readFileSync(new URL(`examples/${name}.graphql`, root), 'utf8'),
);

async function measure(generated: number) {
  const dataDir = mkdtempSync(join(tmpdir(), `rg-bench-${generated}-`));
  try {
    const seeded = performance.now();
    await seedStores({ dataDir, asOf: AS_OF, generated, onlyIfEmpty: false });
    const seedSeconds = (performance.now() - seeded) / 1000;
    const starter = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        RG_PORTS: 'ephemeral',
        RG_TODAY: AS_OF,
        LOG_LEVEL: 'warn',
        REDIS_KEY_PREFIX: `bench-residents-${process.pid}`,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        starter.once('exit', (code) => reject(new Error(`npm start exited ${code}`)));
        createInterface({ input: starter.stdout }).on('line', (line) => {
          const gateway = /Gateway:\s+(http:\/\/\S+)/.exec(line);
          if (gateway?.[1]) resolve(gateway[1]);
        });
      });
      const key = await loadOrCreateDevIssuerKey(dataDir);
      const latencies: number[] = [];
      for (let i = 0; i < requests + 30; i++) {
        const residentId = generatedResidentId(1 + Math.floor(Math.random() * generated));
        const token = await issueAccessToken(key, { residentId });
        const started = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: queries[i % queries.length] }),
        });
        const body = (await response.json()) as { data?: { me?: unknown } };
        if (!body.data?.me) throw new Error(`no answer for ${residentId}: ${JSON.stringify(body)}`);
        // The first requests warm plans and JIT; they are not counted.
        if (i >= 30) latencies.push(performance.now() - started);
      }
      latencies.sort((a, b) => a - b);
      const at = (q: number) =>
        latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0;
      return { generated, seedSeconds, p50: at(0.5), p99: at(0.99) };
    } finally {
      if (starter.pid) process.kill(-starter.pid, 'SIGTERM');
      await new Promise((resolve) => starter.once('exit', resolve));
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const small = await measure(Number(values.small));
const large = await measure(Number(values.large));
console.log(
  `residents bench: ${requests} sequential life-event queries (turning 65, having a child, moving) for random generated residents, each with its own token`,
);
console.log('| residents | seed s | p50 ms | p99 ms |\n|---|---|---|---|');
for (const r of [small, large])
  console.log(
    `| ${r.generated.toLocaleString('en-US')} | ${r.seedSeconds.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} |`,
  );
console.log(
  `p99 with ${large.generated.toLocaleString('en-US')} residents: ${(large.p99 / small.p99).toFixed(2)}× that with ${small.generated.toLocaleString('en-US')}`,
);
