import { isIsoDate, type IsoDate } from '@resident-graph/calendar';
import {
  agencySchemaNames,
  dropAgencySchema,
  openAgencyDatabase,
  openPostgresAgencyDatabase,
  provisionAgencySchema,
  sql,
  type AgencyDatabase,
} from '@resident-graph/store';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { residentChunks } from './resident-stream.js';
import { subgraphs } from './subgraphs.js';

const CHUNK = 2000;

export interface SeedOptions {
  dataDir: string;
  /** The date the personas' situations are computed from ("turning 65 in two months" of this date). */
  asOf: IsoDate;
  /** Generated residents on top of the named personas. */
  generated: number;
  /**
   * Keep the stores when every one of them is seeded and the seed is recorded (what `npm start`
   * does). Otherwise — and always without this flag — every store is rebuilt from scratch, so the
   * agencies never hold residents from two different seeds (a new or emptied store included).
   */
  onlyIfEmpty: boolean;
  /**
   * A PostgreSQL URL with the right to create roles and schemas: seed each agency's schema there
   * (created with its role when missing, as `provisionAgencySchema` does) instead of SQLite files in
   * `dataDir`. The seed record stays in `dataDir`. Default unset: SQLite.
   */
  databaseUrl?: string;
  /** Passwords to give the agencies' roles, by agency name (PostgreSQL only; default none). */
  rolePasswords?: Readonly<Record<string, string>>;
  log?: (line: string) => void;
}

/** What the last complete seed wrote, kept beside the stores so `npm start` can say how old it is. */
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

type Definition = (typeof subgraphs)[number];

/**
 * Where the agencies' stores live: SQLite files in the data directory, or one schema per agency on a
 * PostgreSQL server, written by an admin connection acting as the agency's role, so every table
 * belongs to the role the subgraph will connect as.
 */
interface SeedTarget {
  /** Whether the agency's store exists at all (nothing to open otherwise). */
  exists(definition: Definition): Promise<boolean>;
  open(definition: Definition): Promise<AgencyDatabase<unknown>>;
  /** Removes the agency's store and everything in it. */
  remove(definition: Definition): Promise<void>;
}

function sqliteTarget(dataDir: string): SeedTarget {
  return {
    exists: async ({ name }) => existsSync(storeFile(dataDir, name)),
    open: ({ name, migrations }) =>
      openAgencyDatabase<unknown>(storeFile(dataDir, name), migrations),
    remove: async ({ name }) => {
      for (const suffix of ['', '-wal', '-shm'])
        rmSync(storeFile(dataDir, name) + suffix, { force: true });
    },
  };
}

function postgresTarget(adminUrl: string, passwords: Readonly<Record<string, string>>): SeedTarget {
  return {
    // Provisioning is idempotent and also (re)sets the role's password, so it runs every time.
    exists: async ({ name }) => {
      await provisionAgencySchema(adminUrl, name, { password: passwords[name] });
      return true;
    },
    open: async ({ name, migrations }) => {
      await provisionAgencySchema(adminUrl, name, { password: passwords[name] });
      const { schema, role } = agencySchemaNames(name);
      return openPostgresAgencyDatabase<unknown>(adminUrl, schema, migrations, { role });
    },
    remove: ({ name }) => dropAgencySchema(adminUrl, agencySchemaNames(name).schema),
  };
}

async function everyStoreSeeded(target: SeedTarget): Promise<boolean> {
  for (const definition of subgraphs) {
    if (!(await target.exists(definition))) return false;
    const store = await target.open(definition);
    try {
      if (!(await definition.isSeeded(store.db))) return false;
    } finally {
      await store.close();
    }
  }
  return true;
}

/**
 * Seeds every agency's own database from one stream of synthetic residents: each resident is
 * generated once and each agency writes only its part, a chunk at a time.
 */
export async function seedStores(
  options: SeedOptions,
): Promise<{ seeded: string[]; residents: number }> {
  if (!isIsoDate(options.asOf)) throw new RangeError(`not a real date: ${options.asOf}`);
  const target = options.databaseUrl
    ? postgresTarget(options.databaseUrl, options.rolePasswords ?? {})
    : sqliteTarget(options.dataDir);
  if (options.onlyIfEmpty && readSeedRecord(options.dataDir) && (await everyStoreSeeded(target))) {
    return { seeded: [], residents: 0 };
  }
  const log = options.log ?? (() => {});
  // The record goes first and comes back last: a seed that fails halfway leaves none, so the next
  // `npm start` rebuilds instead of trusting half a world.
  rmSync(seedRecordFile(options.dataDir), { force: true });
  for (const definition of subgraphs) await target.remove(definition);
  const stores: { store: AgencyDatabase<unknown>; definition: Definition }[] = [];
  try {
    for (const definition of subgraphs) {
      const store = await target.open(definition);
      // Rebuilt from scratch on demand: durability per statement is not needed while loading.
      if (store.dialect === 'sqlite') await sql`PRAGMA synchronous = OFF`.execute(store.db);
      stores.push({ store, definition });
    }
    let total = 0;
    for await (const chunk of residentChunks(options.asOf, options.generated, CHUNK)) {
      // Each agency's seed writes its chunk in one transaction of its own.
      for (const { store, definition } of stores) await definition.seed(store.db, chunk);
      total += chunk.length;
      if (total % 100_000 < chunk.length) log(`  ${total} residents written`);
    }
    for (const { store } of stores) {
      if (store.dialect === 'sqlite') await sql`PRAGMA synchronous = NORMAL`.execute(store.db);
    }
    mkdirSync(options.dataDir, { recursive: true });
    const record: SeedRecord = {
      asOf: options.asOf,
      generated: options.generated,
      seededAt: new Date().toISOString(),
    };
    writeFileSync(seedRecordFile(options.dataDir), `${JSON.stringify(record, null, 2)}\n`);
    return { seeded: stores.map((s) => s.definition.name), residents: total };
  } finally {
    await Promise.all(stores.map(({ store }) => store.close()));
  }
}

const runningFile = (dataDir: string) => `${dataDir}/running.pid`;

/** `npm start` marks the data directory while its services have the stores open. */
export function markRunning(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(runningFile(dataDir), String(process.pid));
  return () => rmSync(runningFile(dataDir), { force: true });
}

/** The pid of a live `npm start` using `dataDir`, if any (a stale mark from a crash is ignored). */
export function runningStarter(dataDir: string): number | null {
  if (!existsSync(runningFile(dataDir))) return null;
  const pid = Number(readFileSync(runningFile(dataDir), 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}
