import { appliedNotificationMigration } from '@resident-graph/notifications';
import {
  actionRequestMigration,
  isPostgres,
  sql,
  type Kysely,
  type Migration,
} from '@resident-graph/store';

export const ssaMigrations: Record<string, Migration> = {
  '0001_ssa': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('number_holder')
        .addColumn('ssa_id', 'text', (c) => c.primaryKey())
        .addColumn('ssn', 'text', (c) => c.notNull())
        .addColumn('primary_insurance_amount', 'integer', (c) => c.notNull())
        .addColumn('benefits_started_on', 'text')
        .execute();
      await db.schema
        .createTable('resident_link')
        .addColumn('resident_id', 'text', (c) => c.primaryKey())
        .addColumn('ssa_id', 'text', (c) => c.notNull().unique().references('number_holder.ssa_id'))
        .execute();
      await db.schema
        .createTable('retirement_application')
        .addColumn('ssa_id', 'text', (c) => c.primaryKey().references('number_holder.ssa_id'))
        .addColumn('status', 'text', (c) =>
          c
            .notNull()
            .check(sql`status in ('RECEIVED', 'DOCUMENTS_REQUESTED', 'IN_REVIEW', 'DECIDED')`),
        )
        .addColumn('filed_on', 'text', (c) => c.notNull())
        .addColumn('changed_on', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('newborn_card_request')
        .addColumn('ssa_id', 'text', (c) => c.notNull().references('number_holder.ssa_id'))
        .addColumn('child_given_name', 'text', (c) => c.notNull())
        .addColumn('child_birth_date', 'text', (c) => c.notNull())
        .addColumn('requested_on', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('REQUESTED', 'PROCESSING', 'MAILED')`),
        )
        .addColumn('changed_on', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('newborn_card_request_pk', [
          'ssa_id',
          'child_birth_date',
          'child_given_name',
        ])
        .execute();
      await db.schema
        .createTable('address_change')
        .addColumn('ssa_id', 'text', (c) => c.notNull().references('number_holder.ssa_id'))
        .addColumn('submitted_on', 'text', (c) => c.notNull())
        .addColumn('completed_on', 'text')
        .addPrimaryKeyConstraint('address_change_pk', ['ssa_id', 'submitted_on'])
        .execute();
      // The seed writes links before their holders (see seed.ts); PostgreSQL defers a foreign key
      // to commit only when it is declared deferrable. SQLite defers any with a pragma.
      if (isPostgres(db)) {
        await sql`alter table resident_link alter constraint resident_link_ssa_id_fkey deferrable initially immediate`.execute(
          db,
        );
      }
    },
  },
  /**
   * Tell us once (ADR 0014): the notifications SSA applied (each at most once, by id), and the
   * new address itself on each change (JSON; null on changes recorded before this migration).
   */
  '0002_tell_us_once': {
    async up(db: Kysely<unknown>) {
      await appliedNotificationMigration.up(db);
      await db.schema.alterTable('address_change').addColumn('new_address', 'text').execute();
      // Residents' own applications (ADR 0015): the month benefits are to start, and the keys
      // that make a retried application apply once.
      await db.schema.alterTable('retirement_application').addColumn('starts_in', 'text').execute();
      await actionRequestMigration.up(db);
    },
  },
};
