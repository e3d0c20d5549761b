import type { IsoDate } from '@resident-graph/calendar';
import { seedResidents, type ResidentFacts } from '@resident-graph/personas';
import { openAgencyDatabase, sql, type AgencyDatabase } from '@resident-graph/store';
import { subgraphs } from './subgraphs.js';

const CHUNK = 2000;

export interface SeedOptions {
  dataDir: string;
  /** The date the personas' situations are computed from ("turning 65 in two months" of this date). */
  asOf: IsoDate;
  /** Generated residents on top of the named personas. */
  generated: number;
  /** Leave stores that already hold data untouched (what `npm start` does). */
  onlyIfEmpty: boolean;
  log?: (line: string) => void;
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
  try {
    for (const definition of subgraphs) {
      const store = await openAgencyDatabase<unknown>(
        `${options.dataDir}/${definition.name}.sqlite`,
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
      if (total % 20_000 < CHUNK) log(`  ${total} residents written`);
      chunk = [];
    };
    for (const resident of seedResidents(options.asOf, options.generated)) {
      chunk.push(resident);
      if (chunk.length === CHUNK) await flush();
    }
    if (chunk.length > 0) await flush();
    for (const { store } of stores) await sql`PRAGMA synchronous = NORMAL`.execute(store.db);
    return { seeded: stores.map((s) => s.name), skipped, residents: total };
  } finally {
    await Promise.all(stores.map(({ store }) => store.close()));
  }
}
