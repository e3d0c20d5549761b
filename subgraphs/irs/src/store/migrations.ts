import { appliedNotificationMigration } from '@resident-graph/notifications';
import type { Kysely, Migration } from '@resident-graph/store';

export const irsMigrations: Record<string, Migration> = {
  '0001_taxpayer_records': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('resident_link')
        .addColumn('resident_id', 'text', (c) => c.primaryKey())
        .addColumn('irs_id', 'text', (c) => c.notNull().unique())
        .execute();
      await db.schema
        .createTable('tax_return')
        .addColumn('irs_id', 'text', (c) => c.notNull().references('resident_link.irs_id'))
        .addColumn('tax_year', 'integer', (c) => c.notNull())
        .addColumn('filed_on', 'text', (c) => c.notNull())
        .addColumn('efile_status', 'text')
        .addColumn('direct_deposit', 'integer', (c) => c.notNull())
        .addColumn('refund_status', 'text', (c) => c.notNull())
        .addColumn('refund_amount', 'integer', (c) => c.notNull())
        .addColumn('changed_on', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('tax_return_pk', ['irs_id', 'tax_year'])
        .execute();
      await db.schema
        .createTable('address_change')
        .addColumn('irs_id', 'text', (c) => c.notNull().references('resident_link.irs_id'))
        .addColumn('submitted_on', 'text', (c) => c.notNull())
        .addColumn('processed_on', 'text')
        .addPrimaryKeyConstraint('address_change_pk', ['irs_id', 'submitted_on'])
        .execute();
      await db.schema
        .createTable('child_tax_credit')
        .addColumn('irs_id', 'text', (c) => c.notNull().references('resident_link.irs_id'))
        .addColumn('tax_year', 'integer', (c) => c.notNull())
        .addColumn('qualifying_children', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('child_tax_credit_pk', ['irs_id', 'tax_year'])
        .execute();
    },
  },
  /**
   * Tell us once (ADR 0014): the notifications the IRS applied (each at most once, by id), and the
   * new address itself on each change (JSON; null on changes recorded before this migration).
   */
  '0002_tell_us_once': {
    async up(db: Kysely<unknown>) {
      await appliedNotificationMigration.up(db);
      await db.schema.alterTable('address_change').addColumn('new_address', 'text').execute();
    },
  },
};
