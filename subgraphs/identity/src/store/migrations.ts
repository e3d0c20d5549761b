import { appliedNotificationMigration } from '@resident-graph/notifications';
import { isPostgres, sql, type Kysely, type Migration } from '@resident-graph/store';
import { GENESIS_HASH } from '../disclosure/chain.js';

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
  '0002_consent_and_disclosures': {
    async up(db: Kysely<unknown>) {
      const text = 'text' as const;
      await db.schema
        .createTable('consent_request')
        .addColumn('id', text, (c) => c.primaryKey())
        .addColumn('resident_id', text, (c) => c.notNull())
        .addColumn('client_id', text, (c) => c.notNull())
        .addColumn('scopes', text, (c) => c.notNull())
        .addColumn('purpose', text, (c) => c.notNull())
        .addColumn('operation', text, (c) => c.notNull())
        .addColumn('operation_hash', text, (c) => c.notNull())
        .addColumn('expires_on', text, (c) => c.notNull())
        .addColumn('retention_days', 'integer', (c) => c.notNull())
        .addColumn('max_fetches', 'integer', (c) => c.notNull())
        .addColumn('fetch_period', text, (c) => c.notNull())
        .addColumn('preview_each_release', 'integer', (c) => c.notNull())
        .addColumn('status', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull())
        .addColumn('previewed_at', text)
        .addColumn('decided_at', text)
        .addColumn('grant_id', text)
        .execute();
      await db.schema
        .createIndex('consent_request_by_resident')
        .on('consent_request')
        .columns(['resident_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('consent_grant')
        .addColumn('id', text, (c) => c.primaryKey())
        .addColumn('resident_id', text, (c) => c.notNull())
        .addColumn('client_id', text, (c) => c.notNull())
        .addColumn('scopes', text, (c) => c.notNull())
        .addColumn('purpose', text, (c) => c.notNull())
        .addColumn('operation_hash', text)
        .addColumn('granted_at', text, (c) => c.notNull())
        .addColumn('expires_on', text, (c) => c.notNull())
        .addColumn('retention_days', 'integer', (c) => c.notNull())
        .addColumn('max_fetches', 'integer', (c) => c.notNull())
        .addColumn('fetch_period', text, (c) => c.notNull())
        .addColumn('preview_each_release', 'integer', (c) => c.notNull())
        .addColumn('release_approved', 'integer', (c) => c.notNull())
        .addColumn('release_previewed_at', text)
        .addColumn('status', text, (c) => c.notNull())
        .addColumn('status_changed_at', text, (c) => c.notNull())
        .addColumn('fetch_window', text)
        .addColumn('window_fetches', 'integer', (c) => c.notNull())
        .addColumn('request_id', text)
        .execute();
      await db.schema
        .createIndex('consent_grant_by_resident_client')
        .on('consent_grant')
        .columns(['resident_id', 'client_id'])
        .execute();
      await db.schema
        .createTable('disclosure')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('id', text, (c) => c.notNull().unique())
        .addColumn('disclosed_at', text, (c) => c.notNull())
        .addColumn('resident_id', text, (c) => c.notNull())
        .addColumn('agency', text, (c) => c.notNull())
        .addColumn('fields', text, (c) => c.notNull())
        .addColumn('recipient_kind', text, (c) => c.notNull())
        .addColumn('recipient', text, (c) => c.notNull())
        .addColumn('purpose', text, (c) => c.notNull())
        .addColumn('consent_id', text)
        .addColumn('case_reference', text)
        .addColumn('request_id', text, (c) => c.notNull())
        .addColumn('retain_until', text, (c) => c.notNull())
        .addColumn('prev_hash', text, (c) => c.notNull())
        .addColumn('hash', text, (c) => c.notNull())
        .addColumn('key_id', text, (c) => c.notNull())
        .addColumn('signature', text, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('disclosure_by_resident')
        .on('disclosure')
        .columns(['resident_id', 'seq'])
        .execute();
      await db.schema
        .createTable('disclosure_chain_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('hash', text, (c) => c.notNull())
        .execute();
      await sql`insert into disclosure_chain_head (id, seq, hash) values (1, 0, ${GENESIS_HASH})`.execute(
        db,
      );
      await db.schema
        .createTable('correction')
        .addColumn('id', text, (c) => c.primaryKey())
        .addColumn('resident_id', text, (c) => c.notNull())
        .addColumn('agency', text, (c) => c.notNull())
        .addColumn('fields', text, (c) => c.notNull())
        .addColumn('summary', text, (c) => c.notNull())
        .addColumn('corrected_at', text, (c) => c.notNull())
        .addColumn('corrected_by', text, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('correction_notice')
        .addColumn('id', text, (c) => c.primaryKey())
        .addColumn('correction_id', text, (c) => c.notNull())
        .addColumn('recipient', text, (c) => c.notNull())
        .addColumn('resident_id', text, (c) => c.notNull())
        .addColumn('agency', text, (c) => c.notNull())
        .addColumn('fields', text, (c) => c.notNull())
        .addColumn('summary', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull())
        .addColumn('read_at', text)
        .execute();
      await db.schema
        .createIndex('correction_notice_by_recipient')
        .on('correction_notice')
        .columns(['recipient', 'created_at'])
        .execute();
    },
  },
  /** Declarations whose disclosures are recorded, by notice id: each recorded once (ADR 0017). */
  '0003_applied_notification': appliedNotificationMigration,
};
