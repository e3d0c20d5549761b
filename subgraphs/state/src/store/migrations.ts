import { appliedNotificationMigration } from '@resident-graph/notifications';
import { actionRequestMigration, type Kysely, type Migration } from '@resident-graph/store';

export const stateMigrations: Record<string, Migration> = {
  '0001_passports': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('resident_link')
        .addColumn('resident_id', 'text', (c) => c.primaryKey())
        .addColumn('state_id', 'text', (c) => c.notNull().unique())
        .execute();
      await db.schema
        .createTable('passport')
        .addColumn('state_id', 'text', (c) => c.primaryKey().references('resident_link.state_id'))
        .addColumn('issued_on', 'text', (c) => c.notNull())
        .addColumn('expires_on', 'text', (c) => c.notNull())
        .addColumn('validity_years', 'integer', (c) => c.notNull())
        .addColumn('name_changed', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('renewal_application')
        .addColumn('state_id', 'text', (c) => c.notNull().references('resident_link.state_id'))
        .addColumn('submitted_on', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('changed_on', 'text', (c) => c.notNull())
        .addColumn('expedited', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('renewal_application_pk', ['state_id', 'submitted_on'])
        .execute();
      await db.schema
        .createTable('child_passport_application')
        .addColumn('state_id', 'text', (c) => c.notNull().references('resident_link.state_id'))
        .addColumn('child_given_name', 'text', (c) => c.notNull())
        .addColumn('child_birth_date', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('submitted_on', 'text')
        .addColumn('changed_on', 'text')
        .addColumn('expedited', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('child_passport_application_pk', [
          'state_id',
          'child_birth_date',
          'child_given_name',
        ])
        .execute();
    },
  },
  /**
   * Tell us once (ADR 0014): the notifications the Department applied (each at most once), and the
   * passport mailing address a holder gave, which passport mail and renewals go to; and the
   * idempotency keys of residents' online renewals.
   */
  '0002_tell_us_once': {
    async up(db: Kysely<unknown>) {
      await appliedNotificationMigration.up(db);
      // Online renewals carry the resident's idempotency key (a retry renews once).
      await actionRequestMigration.up(db);
      await db.schema
        .createTable('passport_mailing_address')
        .addColumn('state_id', 'text', (c) => c.primaryKey().references('resident_link.state_id'))
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('effective_on', 'text', (c) => c.notNull())
        .addColumn('changed_on', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
