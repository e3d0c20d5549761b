import type { Kysely, Migration } from '@resident-graph/store';

export const vaMigrations: Record<string, Migration> = {
  '0001_case': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('resident_link')
        .addColumn('resident_id', 'text', (c) => c.primaryKey())
        .addColumn('va_id', 'text', (c) => c.notNull().unique())
        .execute();
      await db.schema
        .createTable('va_case')
        .addColumn('va_id', 'text', (c) => c.primaryKey().references('resident_link.va_id'))
        .addColumn('opened_on', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
