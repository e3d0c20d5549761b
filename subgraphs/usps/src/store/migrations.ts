import { appliedNotificationMigration } from '@resident-graph/notifications';
import type { Kysely, Migration } from '@resident-graph/store';

export const uspsMigrations: Record<string, Migration> = {
  '0001_change_of_address': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('resident_link')
        .addColumn('resident_id', 'text', (c) => c.primaryKey())
        .addColumn('usps_id', 'text', (c) => c.notNull().unique())
        .execute();
      await db.schema
        .createTable('change_of_address')
        .addColumn('usps_id', 'text', (c) => c.notNull().references('resident_link.usps_id'))
        .addColumn('submitted_on', 'text', (c) => c.notNull())
        .addColumn('effective_on', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('changed_on', 'text', (c) => c.notNull())
        .addColumn('old_line1', 'text', (c) => c.notNull())
        .addColumn('old_city', 'text', (c) => c.notNull())
        .addColumn('old_state', 'text', (c) => c.notNull())
        .addColumn('old_zip', 'text', (c) => c.notNull())
        .addColumn('new_line1', 'text', (c) => c.notNull())
        .addColumn('new_city', 'text', (c) => c.notNull())
        .addColumn('new_state', 'text', (c) => c.notNull())
        .addColumn('new_zip', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('change_of_address_pk', ['usps_id', 'submitted_on'])
        .execute();
    },
  },
  /** Tell us once (ADR 0014): the notifications the Postal Service applied, each at most once. */
  '0002_tell_us_once': {
    async up(db: Kysely<unknown>) {
      await appliedNotificationMigration.up(db);
    },
  },
};
