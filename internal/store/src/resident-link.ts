import { sql, type Kysely, type Transaction } from 'kysely';
import { inChunks, MAX_KEYS_PER_QUERY } from './limits.js';

/**
 * The link table every agency keeps (docs/subgraph-contract.md): `resident_link(resident_id TEXT
 * PRIMARY KEY, <agency>_id TEXT UNIQUE)`, the only place the platform resident id meets the agency's
 * own id. `IdColumn` is the agency's column, e.g. `'irs_id'`.
 */
export type ResidentLinkDatabase<IdColumn extends string> = {
  resident_link: { resident_id: string } & Record<IdColumn, string>;
};

export interface ResidentLinkIds<IdColumn extends string> {
  /** The agency's id column in `resident_link`, e.g. `'irs_id'`. */
  idColumn: IdColumn;
  /** What the agency's ids start with, e.g. `'IRS-T-'`; a zero-padded 9-digit number follows. */
  prefix: string;
}

/** Digits after the prefix: zero-padded so the ids sort in number order. */
const ID_DIGITS = 9;

/**
 * The agency id of each of `residentIds`: the one already linked where there is one, else the next
 * unused number after the highest id issued (`IRS-T-000000123`), unrelated to the platform id as
 * pairwise identifiers require. New links are written to `resident_link`; the map holds every
 * requested resident. Run it inside the seed's transaction so the numbering cannot race.
 *
 * Written with `sql` and dynamic column references rather than the query builder: kysely cannot
 * type a query against a table whose column name is a type parameter, and this needs no cast. The
 * `DB` constraint still makes a caller name a real `resident_link` column of its own database.
 */
export async function linkResidents<
  IdColumn extends string,
  DB extends ResidentLinkDatabase<IdColumn>,
>(
  // Both spelled out: TypeScript infers `DB` from a Transaction only against Transaction itself.
  db: Kysely<DB> | Transaction<DB>,
  { idColumn, prefix }: ResidentLinkIds<IdColumn>,
  residentIds: readonly string[],
): Promise<Map<string, string>> {
  const agencyId = sql.ref<string>(idColumn);
  const unique = [...new Set(residentIds)];
  const linked = new Map<string, string>();
  for (let i = 0; i < unique.length; i += MAX_KEYS_PER_QUERY) {
    const keys = unique.slice(i, i + MAX_KEYS_PER_QUERY);
    const { rows } = await sql<{ resident_id: string; agency_id: string }>`
      select resident_id, ${agencyId} as agency_id from resident_link
      where resident_id in (${sql.join(keys)})
    `.execute(db);
    for (const row of rows) linked.set(row.resident_id, row.agency_id);
  }
  if (linked.size === unique.length) return linked;

  // Zero-padded ids sort in number order, so the greatest is the last one issued.
  const [greatest] = (
    await sql<{ last: string | null }>`select max(${agencyId}) as last from resident_link`.execute(
      db,
    )
  ).rows;
  const last = greatest?.last ?? null;
  const issued = last === null ? 0 : Number(last.slice(prefix.length));
  if (last !== null && (!last.startsWith(prefix) || !Number.isSafeInteger(issued))) {
    throw new Error(`resident_link.${idColumn} holds ${last}, not a ${prefix} id`);
  }
  let next = issued + 1;
  const created: { residentId: string; id: string }[] = [];
  for (const residentId of unique) {
    if (linked.has(residentId)) continue;
    const id = `${prefix}${String(next++).padStart(ID_DIGITS, '0')}`;
    linked.set(residentId, id);
    created.push({ residentId, id });
  }
  // No ON CONFLICT: these residents had no link a moment ago in this transaction, so a conflict
  // would mean a broken sequence, which must fail the seed rather than be skipped silently.
  for (const rows of inChunks(created)) {
    await sql`
      insert into resident_link (resident_id, ${agencyId})
      values ${sql.join(rows.map(({ residentId, id }) => sql`(${residentId}, ${id})`))}
    `.execute(db);
  }
  return linked;
}

/** Whether any resident is linked yet: an agency's store counts as seeded once one is. */
export async function hasResidentLinks<DB extends { resident_link: { resident_id: string } }>(
  db: Kysely<DB>,
): Promise<boolean> {
  const { rows } = await sql<{ one: number }>`select 1 as one from resident_link limit 1`.execute(
    db,
  );
  return rows.length > 0;
}
