import { sql, type Kysely, type Migration, type Transaction } from '@resident-graph/store';
import type { Notification, OutcomeResult } from './notification.js';

/** An agency's own decision on a notification: applied, or refused by its rules with a reason. */
export interface AgencyDecision {
  result: Exclude<OutcomeResult, 'FAILED'>;
  reason: string | null;
}

/** The table every receiving agency keeps: which notifications it applied, and what it decided. */
export interface AppliedNotificationDatabase {
  applied_notification: {
    notification_id: string;
    declaration_id: string;
    kind: string;
    /** APPLIED or REFUSED. */
    result: string;
    reason: string | null;
    applied_at: string;
  };
}

/** Add to an agency's migrations under a name of its own sequence, e.g. `0004_applied_notification`. */
export const appliedNotificationMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('applied_notification')
      .addColumn('notification_id', 'text', (c) => c.primaryKey())
      .addColumn('declaration_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();
  },
};

/**
 * Applies `notification` at most once: the marker row and the agency's change commit together, so a
 * consumer killed at any point either did both or neither, and a redelivery of an applied id answers
 * the stored decision without touching the records again.
 */
export async function applyOnce<DB extends AppliedNotificationDatabase>(
  db: Kysely<DB>,
  notification: Notification,
  apply: (trx: Transaction<DB>) => Promise<AgencyDecision>,
): Promise<AgencyDecision> {
  return db.transaction().execute(async (trx) => {
    const { rows: existing } = await sql<{ result: string; reason: string | null }>`
      select result, reason from applied_notification where notification_id = ${notification.id}
    `.execute(trx);
    const [previous] = existing;
    if (previous) {
      return { result: previous.result as AgencyDecision['result'], reason: previous.reason };
    }
    const decision = await apply(trx);
    // No ON CONFLICT: a second consumer racing on the same id fails here, rolls its change back,
    // and on retry finds the first one's row above.
    await sql`
      insert into applied_notification (notification_id, declaration_id, kind, result, reason, applied_at)
      values (${notification.id}, ${notification.declarationId}, ${notification.kind},
              ${decision.result}, ${decision.reason}, ${new Date().toISOString()})
    `.execute(trx);
    return decision;
  });
}
