/** SQLite binds at most 32766 variables per statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32). */
export const SQLITE_MAX_VARIABLES = 32766;

/**
 * Most keys one `IN (…)` list may carry. Loaders cap their batches with it (`maxBatchSize`), so even
 * an absurdly large `_entities` request cannot fail in SQL; seeds read in slices of it.
 */
export const MAX_KEYS_PER_QUERY = 10_000;

/**
 * `rows` in slices small enough for one multi-row INSERT each: as many rows as fit under SQLite's
 * bound-variable limit, counting the first row's columns (every row of one insert has the same).
 */
export function* inChunks<T extends object>(rows: readonly T[]): Generator<T[]> {
  if (rows.length === 0) return;
  const size = Math.max(1, Math.floor(SQLITE_MAX_VARIABLES / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
