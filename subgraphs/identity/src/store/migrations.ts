import { isPostgres, sql, type Kysely, type Migration } from '@resident-graph/store';

export const identityMigrations: Record<string, Migration> = {
  '0001_resident': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('resident')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('given_name', 'text', (c) => c.notNull())
        .addColumn('family_name', 'text', (c) => c.notNull())
        .addColumn('birth_date', 'text', (c) => c.notNull())
        .addColumn('address_line1', 'text', (c) => c.notNull())
        .addColumn('address_city', 'text', (c) => c.notNull())
        .addColumn('address_state', 'text', (c) => c.notNull())
        .addColumn('address_zip', 'text', (c) => c.notNull())
        .addColumn('assurance', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) =>
          c
            .notNull()
            .defaultTo(
              isPostgres(db)
                ? sql`(to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`
                : sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
            ),
        )
        .execute();
    },
  },
};
