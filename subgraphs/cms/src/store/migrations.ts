import { actionRequestMigration, sql, type Kysely, type Migration } from '@resident-graph/store';

const partStatus = (column: string) =>
  sql`${sql.ref(column)} in ('NOT_ENROLLED', 'PENDING', 'ENROLLED')`;

export const cmsMigrations: Record<string, Migration> = {
  '0001_cms': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('resident_link')
        .addColumn('resident_id', 'text', (c) => c.primaryKey())
        .addColumn('cms_id', 'text', (c) => c.notNull().unique())
        .execute();
      await db.schema
        .createTable('medicare_beneficiary')
        .addColumn('cms_id', 'text', (c) => c.primaryKey().references('resident_link.cms_id'))
        .addColumn('part_a', 'text', (c) => c.notNull().check(partStatus('part_a')))
        .addColumn('part_b', 'text', (c) => c.notNull().check(partStatus('part_b')))
        .addColumn('changed_on', 'text')
        .addColumn('coverage_starts_on', 'text')
        .addColumn('enrolled_automatically', 'integer', (c) =>
          c
            .notNull()
            .defaultTo(0)
            .check(sql`enrolled_automatically in (0, 1)`),
        )
        .execute();
    },
  },
  /** Residents' own sign-ups (ADR 0015): the keys that make a retried sign-up act once. */
  '0002_resident_actions': {
    async up(db: Kysely<unknown>) {
      await actionRequestMigration.up(db);
    },
  },
};
