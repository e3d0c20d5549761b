import type { IsoDate } from '@resident-graph/calendar';
import { seedResidents, type ResidentFacts } from '@resident-graph/personas';
import { openAgencyDatabase, sql, type AgencyDatabase } from '@resident-graph/store';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { subgraphs } from './subgraphs.js';

const CHUNK = 2000;

export interface SeedOptions {
  dataDir: string;
  /** The date the personas' situations are computed from ("turning 65 in two months" of this date). */
  asOf: IsoDate;
  /** Generated residents on top of the named personas. */
  generated: number;
  /**
   * Leave stores that already hold data untouched (what `npm start` does). Otherwise every store is
   * rebuilt from scratch, so a re-seed as of another date never mixes two worlds.
   */
  onlyIfEmpty: boolean;
  log?: (line: string) => void;
}

/** What the last seed wrote, kept beside the stores so `npm start` can say how old the world is. */
export interface SeedRecord {
  asOf: IsoDate;
  generated: number;
  seededAt: string;
}

const seedRecordFile = (dataDir: string) => `${dataDir}/seed.json`;
const storeFile = (dataDir: string, name: string) => `${dataDir}/${name}.sqlite`;

export function readSeedRecord(dataDir: string): SeedRecord | null {
  const file = seedRecordFile(dataDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SeedRecord) : null;
}

/**
 * Seeds every agency's own database from one stream of synthetic residents: each resident is
 * generated once and each agency writes only its part, a chunk at a time.
 */
export async function seedStores(
  options: SeedOptions,
): Promise<{ seeded: string[]; skipped: string[]; residents: number }> {
  const log = options.log ?? (() => {});
  const stores: {
    name: string;
    store: AgencyDatabase<unknown>;
    definition: (typeof subgraphs)[number];
  }[] = [];
  const skipped: string[] = [];
  if (!options.onlyIfEmpty) {
    for (const { name } of subgraphs) {
      for (const suffix of ['', '-wal', '-shm'])
        rmSync(storeFile(options.dataDir, name) + suffix, { force: true });
    }
  }
  try {
    for (const definition of subgraphs) {
      const store = await openAgencyDatabase<unknown>(
        storeFile(options.dataDir, definition.name),
        definition.migrations,
      );
      if (options.onlyIfEmpty && (await definition.isSeeded(store.db))) {
        skipped.push(definition.name);
        await store.close();
        continue;
      }
      // A seed is rebuilt from scratch on demand; durability per statement is not needed while loading.
      await sql`PRAGMA synchronous = OFF`.execute(store.db);
      stores.push({ name: definition.name, store, definition });
    }
    if (stores.length === 0) return { seeded: [], skipped, residents: 0 };

    let chunk: ResidentFacts[] = [];
    let total = 0;
    const flush = async () => {
      for (const { store, definition } of stores) {
        // Each agency's seed writes its chunk in one transaction of its own.
        await definition.seed(store.db, chunk);
      }
      total += chunk.length;
      if (total % 20_000 < chunk.length) log(`  ${total} residents written`);
      chunk = [];
    };
    for (const resident of seedResidents(options.asOf, options.generated)) {
      chunk.push(resident);
      if (chunk.length === CHUNK) await flush();
    }
    if (chunk.length > 0) await flush();
    for (const { store } of stores) await sql`PRAGMA synchronous = NORMAL`.execute(store.db);
    if (!options.onlyIfEmpty || !readSeedRecord(options.dataDir)) {
      mkdirSync(options.dataDir, { recursive: true });
      const record: SeedRecord = {
        asOf: options.asOf,
        generated: options.generated,
        seededAt: new Date().toISOString(),
      };
      writeFileSync(seedRecordFile(options.dataDir), `${JSON.stringify(record, null, 2)}\n`);
    }
    return { seeded: stores.map((s) => s.name), skipped, residents: total };
  } finally {
    await Promise.all(stores.map(({ store }) => store.close()));
  }
}
