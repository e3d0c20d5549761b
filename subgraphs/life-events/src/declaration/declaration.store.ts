import type { IsoDate } from '@resident-graph/calendar';
import {
  DISCLOSURE_LOG_RECIPIENT,
  type DisclosureNotice,
  type Notification,
  type Outbox,
  type Outcome,
} from '@resident-graph/notifications';
import {
  MAX_KEYS_PER_QUERY,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
} from '@resident-graph/store';
import { createHash, randomUUID } from 'node:crypto';
import type { BirthDeclaration } from '../domain/birth-declaration.js';
import { residentMessage } from '../domain/resident-message.js';
import type { MoveDeclaration } from '../domain/move-declaration.js';
import type { LifeEventsDatabase } from '../store/database.js';
import { DeclarationInputError } from './declaration.errors.js';
import { agencyPayload, disclosedFields } from './disclosed-fields.js';

export type DeclarationRow = LifeEventsDatabase['declaration'];
export type NotificationRow = LifeEventsDatabase['declaration_notification'];

/** The same action, however its JSON was ordered: what tells a retry from a different request. */
function requestHash(kind: string, details: object): string {
  const canonical = JSON.stringify({ kind, details }, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
  return createHash('sha256').update(canonical).digest('hex');
}

/** What a resident declares, as recorded and as the agencies receive it. */
export interface DeclarationToRecord {
  kind: 'MOVE' | 'BIRTH';
  /** The life event the declaration makes active (MOVING, HAVING_A_CHILD). */
  lifeEvent: 'MOVING' | 'HAVING_A_CHILD';
  /** The event's own date: the moving day, the child's birth date. */
  eventDate: IsoDate;
  /** What each agency receives as the notification's payload (already checked). */
  details: Record<string, unknown>;
  agencies: readonly string[];
}

/**
 * Records a declaration, one notification per agency and identity's notice to account for them in
 * one transaction (the transactional outbox), and marks its life event as the resident's. A second
 * call with the resident's same key returns the first declaration (whoever committed first wins the
 * unique key; the other finds it), or refuses if the key came with a different request.
 */
export async function recordDeclaration(
  db: Kysely<LifeEventsDatabase>,
  residentId: string,
  idempotencyKey: string,
  declared: DeclarationToRecord,
  today: IsoDate,
): Promise<DeclarationRow> {
  const details = { ...declared.details, agencies: declared.agencies };
  const hash = requestHash(declared.kind, details);
  const row: DeclarationRow = {
    id: `dcl_${randomUUID()}`,
    resident_id: residentId,
    kind: declared.kind,
    idempotency_key: idempotencyKey,
    request_hash: hash,
    event_date: declared.eventDate,
    details: JSON.stringify(details),
    declared_on: today,
    declared_at: new Date().toISOString(),
  };
  const recorded = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('declaration')
      .values(row)
      .onConflict((c) => c.columns(['resident_id', 'idempotency_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return null;
    const notifications = declared.agencies.map((agency, i) => ({
      id: `ntf_${randomUUID()}`,
      declaration_id: row.id,
      agency,
      status: 'PENDING',
      reason: null,
      published_at: null,
      outcome_at: null,
      position: i + 1,
    }));
    await trx.insertInto('declaration_notification').values(notifications).execute();
    // Every agency told is a disclosure the resident sees (ADR 0017): identity is told whom, with
    // which notification, and which fields, in the transaction that makes the telling certain.
    const notice: DisclosureNotice = {
      recipients: notifications.map((n) => ({ agency: n.agency, notificationId: n.id })),
      fields: disclosedFields(declared.kind, agencyPayload(details)),
    };
    await trx
      .insertInto('declaration_accounting')
      .values({
        id: `acc_${randomUUID()}`,
        declaration_id: row.id,
        payload: JSON.stringify(notice),
        status: 'PENDING',
        reason: null,
        published_at: null,
        outcome_at: null,
      })
      .execute();
    // The resident's word that the event is happening: what makes its journey active.
    await trx
      .insertInto('resident_life_event')
      .values({
        resident_id: residentId,
        kind: declared.lifeEvent,
        event_date: declared.eventDate,
        declared_on: today,
      })
      .onConflict((c) =>
        c
          .columns(['resident_id', 'kind'])
          .doUpdateSet({ event_date: declared.eventDate, declared_on: today }),
      )
      .execute();
    return row;
  });
  if (recorded) return recorded;
  const first = await db
    .selectFrom('declaration')
    .selectAll()
    .where('resident_id', '=', residentId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirstOrThrow();
  if (first.request_hash !== hash) {
    throw new DeclarationInputError(
      'IDEMPOTENCY_KEY_REUSED',
      'This idempotency key was already used for a different request. Send a new key for a new action.',
    );
  }
  return first;
}

/** A move: the new address and the moving day, told to each agency chosen. */
export function recordMoveDeclaration(
  db: Kysely<LifeEventsDatabase>,
  residentId: string,
  idempotencyKey: string,
  move: MoveDeclaration,
  today: IsoDate,
): Promise<DeclarationRow> {
  return recordDeclaration(
    db,
    residentId,
    idempotencyKey,
    {
      kind: 'MOVE',
      lifeEvent: 'MOVING',
      eventDate: move.movedOn,
      details: { newAddress: move.newAddress, movedOn: move.movedOn },
      agencies: move.agencies,
    },
    today,
  );
}

/** A birth: the child's first name and birth date, told to each agency chosen. */
export function recordBirthDeclaration(
  db: Kysely<LifeEventsDatabase>,
  residentId: string,
  idempotencyKey: string,
  birth: BirthDeclaration,
  today: IsoDate,
): Promise<DeclarationRow> {
  return recordDeclaration(
    db,
    residentId,
    idempotencyKey,
    {
      kind: 'BIRTH',
      lifeEvent: 'HAVING_A_CHILD',
      eventDate: birth.childBirthDate,
      details: { childGivenName: birth.childGivenName, childBirthDate: birth.childBirthDate },
      agencies: birth.agencies,
    },
    today,
  );
}

/** A row due for publishing, with what orders it among the others. */
interface Due {
  notification: Notification;
  publishedAt: string | null;
  declaredAt: string;
}

/** Never published first, then least recently published; then oldest declaration first. */
const publishingOrder = (a: Due, b: Due) =>
  (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') ||
  a.declaredAt.localeCompare(b.declaredAt);

/**
 * Either outbox table aliased `o` (only the columns both share), joined to its declaration aliased
 * `d`: what the due rows are selected from.
 */
interface OutboxSource {
  o: Pick<
    LifeEventsDatabase['declaration_notification' | 'declaration_accounting'],
    'id' | 'status' | 'published_at'
  >;
  d: Pick<DeclarationRow, 'id' | 'resident_id' | 'kind' | 'declared_at'>;
}

/**
 * No outcome yet, and never published or last published before the cutoff (null: at any time).
 * Typed on the shared columns rather than inside the generic query below: kysely cannot check a
 * value against a column of a table it only knows as a type parameter.
 */
const isDue =
  (publishedBefore: string | null) =>
  (eb: ExpressionBuilder<OutboxSource, 'o'>): Expression<SqlBool> =>
    eb.and([
      eb('o.status', '=', 'PENDING'),
      publishedBefore === null
        ? eb.lit(true)
        : eb.or([eb('o.published_at', 'is', null), eb('o.published_at', '<', publishedBefore)]),
    ]);

/**
 * One outbox table's rows due for publishing (see `Outbox.undelivered`), in publishing order: the
 * query's own columns (what tells the recipient and the payload) plus those every `Due` needs.
 * Nulls first said outright: PostgreSQL sorts them last by default (SQLite first), and a full
 * batch of rows due again would keep those never published waiting.
 */
function dueInPublishingOrder<DB extends OutboxSource, Own>(
  query: SelectQueryBuilder<DB, 'o' | 'd', Own>,
  publishedBefore: string | null,
  limit: number,
) {
  return query
    .select([
      'o.id',
      'o.published_at',
      'd.id as declaration_id',
      'd.resident_id',
      'd.kind',
      'd.declared_at',
    ])
    .where(isDue(publishedBefore))
    .orderBy('o.published_at', (order) => order.asc().nullsFirst())
    .orderBy('d.declared_at')
    .limit(limit);
}

/** What `dueInPublishingOrder` selects for every row, whichever its table. */
interface DueColumns {
  id: string;
  published_at: string | null;
  declaration_id: string;
  resident_id: string;
  kind: string;
  declared_at: string;
}

/** A due row as the relay publishes it: to `agency`, with `payload`. */
function toDue(row: DueColumns, agency: string, payload: Record<string, unknown>): Due {
  return {
    notification: {
      id: row.id,
      declarationId: row.declaration_id,
      residentId: row.resident_id,
      agency,
      kind: row.kind,
      payload,
    },
    publishedAt: row.published_at,
    declaredAt: row.declared_at,
  };
}

/** The agencies' notifications due for publishing. */
async function dueAgencyNotifications(
  db: Kysely<LifeEventsDatabase>,
  publishedBefore: string | null,
  limit: number,
): Promise<Due[]> {
  const rows = await db
    .selectFrom('declaration_notification as o')
    .innerJoin('declaration as d', 'd.id', 'o.declaration_id')
    .select(['o.agency', 'd.details'])
    .$call((query) => dueInPublishingOrder(query, publishedBefore, limit))
    .execute();
  return rows.map((r) =>
    toDue(r, r.agency, agencyPayload(JSON.parse(r.details) as Record<string, unknown>)),
  );
}

/** Identity's notices due for publishing, on the same terms as the agencies' notifications. */
async function dueAccountingNotices(
  db: Kysely<LifeEventsDatabase>,
  publishedBefore: string | null,
  limit: number,
): Promise<Due[]> {
  const rows = await db
    .selectFrom('declaration_accounting as o')
    .innerJoin('declaration as d', 'd.id', 'o.declaration_id')
    .select('o.payload')
    .$call((query) => dueInPublishingOrder(query, publishedBefore, limit))
    .execute();
  return rows.map((r) =>
    toDue(r, DISCLOSURE_LOG_RECIPIENT, JSON.parse(r.payload) as Record<string, unknown>),
  );
}

const isAccountingId = (id: string) => id.startsWith('acc_');

/**
 * The outbox the relay reads and writes (see @resident-graph/notifications): the agencies'
 * notifications and identity's accounting notices, relayed alike, recorded apart.
 */
export function createDeclarationOutbox(db: Kysely<LifeEventsDatabase>): Outbox {
  return {
    async undelivered(publishedBefore, limit) {
      const [agencies, accounting] = await Promise.all([
        dueAgencyNotifications(db, publishedBefore, limit),
        dueAccountingNotices(db, publishedBefore, limit),
      ]);
      // One order over both, so neither starves the other when a batch is full.
      return [...agencies, ...accounting]
        .sort(publishingOrder)
        .slice(0, limit)
        .map((due) => due.notification);
    },
    async markPublished(ids, at) {
      const accounting = ids.filter(isAccountingId);
      const agencies = ids.filter((id) => !isAccountingId(id));
      for (const [table, tableIds] of [
        ['declaration_notification', agencies],
        ['declaration_accounting', accounting],
      ] as const) {
        for (let i = 0; i < tableIds.length; i += MAX_KEYS_PER_QUERY) {
          const chunk = tableIds.slice(i, i + MAX_KEYS_PER_QUERY);
          await db.updateTable(table).set({ published_at: at }).where('id', 'in', chunk).execute();
        }
      }
    },
    async recordOutcomes(outcomes: readonly Outcome[]) {
      if (outcomes.length === 0) return;
      const at = new Date().toISOString();
      await db.transaction().execute(async (trx) => {
        for (const outcome of outcomes) {
          if (outcome.agency === DISCLOSURE_LOG_RECIPIENT) {
            // Identity's bookkeeping, not news for the resident: no message, nothing in journeys.
            await trx
              .updateTable('declaration_accounting')
              .set({ status: outcome.result, reason: outcome.reason, outcome_at: at })
              .where('id', '=', outcome.notificationId)
              .where('status', '!=', 'APPLIED')
              .execute();
            continue;
          }
          // A FAILED notification replayed by an operator may still be APPLIED later; nothing
          // overrides APPLIED, and an outcome seen again changes nothing (no second message).
          const changed = await trx
            .updateTable('declaration_notification')
            .set({ status: outcome.result, reason: outcome.reason, outcome_at: at })
            .where('id', '=', outcome.notificationId)
            .where('agency', '=', outcome.agency)
            .where('status', '!=', 'APPLIED')
            .where('status', '!=', outcome.result)
            .returning('declaration_id')
            .executeTakeFirst();
          if (!changed) continue;
          const declaration = await trx
            .selectFrom('declaration')
            .select(['resident_id', 'kind'])
            .where('id', '=', changed.declaration_id)
            .executeTakeFirstOrThrow();
          // The resident hears of the change in the same transaction that records it.
          await trx
            .insertInto('resident_notification')
            .values({
              id: `msg_${randomUUID()}`,
              resident_id: declaration.resident_id,
              declaration_notification_id: outcome.notificationId,
              agency: outcome.agency,
              ...residentMessage(outcome, declaration.kind),
              created_at: at,
              read_at: null,
            })
            .execute();
        }
      });
    },
  };
}
