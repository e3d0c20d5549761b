import type { InsertObject, Kysely, Transaction } from 'kysely';
import { inChunks } from './limits.js';

/**
 * Writes `rows` into `table` a chunk per INSERT (under SQLite's bound-variable limit), skipping any
 * row whose key is already there: what makes seeding the same residents again harmless.
 */
export async function insertIgnoringExisting<DB, Table extends keyof DB & string>(
  db: Kysely<DB> | Transaction<DB>,
  table: Table,
  rows: readonly InsertObject<DB, Table>[],
): Promise<void> {
  for (const chunk of inChunks(rows)) {
    await db
      .insertInto(table)
      .values(chunk)
      .onConflict((c) => c.doNothing())
      .execute();
  }
}
