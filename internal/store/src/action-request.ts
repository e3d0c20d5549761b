import { sql, type Kysely, type Migration, type Transaction } from 'kysely';

/**
 * Resident actions taken directly at one agency (e.g. an online passport renewal) carry an
 * idempotency key; the agency keeps each key with a hash of its request, so a retry acts once.
 */
export interface ActionRequestDatabase {
  action_request: {
    resident_id: string;
    idempotency_key: string;
    /** Which action, e.g. `renewPassportOnline`. */
    action: string;
    request_hash: string;
    created_at: string;
  };
}

export const actionRequestMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('action_request')
      .addColumn('resident_id', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('action_request_pk', ['resident_id', 'idempotency_key'])
      .execute();
  },
};

/**
 * Claims `key` for this request inside the action's transaction: `first` (act now; the claim
 * commits with the action, or rolls back with a refusal), `repeat` (the same request was already
 * made: act no more, answer as before) or `conflict` (the key was used for another request).
 */
export async function claimActionKey<DB extends ActionRequestDatabase>(
  trx: Transaction<DB>,
  request: { residentId: string; key: string; action: string; requestHash: string },
): Promise<'first' | 'repeat' | 'conflict'> {
  const { rows: inserted } = await sql<{ resident_id: string }>`
    insert into action_request (resident_id, idempotency_key, action, request_hash, created_at)
    values (${request.residentId}, ${request.key}, ${request.action}, ${request.requestHash},
            ${new Date().toISOString()})
    on conflict (resident_id, idempotency_key) do nothing
    returning resident_id
  `.execute(trx);
  if (inserted.length > 0) return 'first';
  const { rows } = await sql<{ action: string; request_hash: string }>`
    select action, request_hash from action_request
    where resident_id = ${request.residentId} and idempotency_key = ${request.key}
  `.execute(trx);
  const [previous] = rows;
  return previous?.action === request.action && previous.request_hash === request.requestHash
    ? 'repeat'
    : 'conflict';
}
