import { sql, type Kysely, type Migration } from '@resident-graph/store';

export const vaMigrations: Record<string, Migration> = {
  '0001_service_claims_health_care': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('resident_link')
        .addColumn('resident_id', 'text', (c) => c.primaryKey())
        .addColumn('va_id', 'text', (c) => c.notNull().unique())
        .execute();
      await db.schema
        .createTable('military_service')
        .addColumn('va_id', 'text', (c) => c.primaryKey().references('resident_link.va_id'))
        .addColumn('separation_on', 'text', (c) => c.notNull())
        .addColumn('combat_veteran', 'integer', (c) =>
          c.notNull().check(sql`combat_veteran IN (0, 1)`),
        )
        .execute();
      await db.schema
        .createTable('disability_claim')
        .addColumn('va_id', 'text', (c) => c.primaryKey().references('resident_link.va_id'))
        .addColumn('phase', 'text', (c) => c.notNull())
        .addColumn('filed_on', 'text', (c) => c.notNull())
        .addColumn('changed_on', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('health_care_enrollment')
        .addColumn('va_id', 'text', (c) => c.primaryKey().references('resident_link.va_id'))
        .addColumn('enrolled_on', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
