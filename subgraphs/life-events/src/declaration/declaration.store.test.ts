import { Agency } from '@resident-graph/federation';
import { readDisclosureNotice, type Outbox } from '@resident-graph/notifications';
import type { AgencyDatabase } from '@resident-graph/store';
import { openTestStore, TEST_TODAY } from '@resident-graph/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LifeEventsDatabase } from '../store/database.js';
import { lifeEventsMigrations } from '../store/migrations.js';
import {
  createDeclarationOutbox,
  recordBirthDeclaration,
  recordMoveDeclaration,
} from './declaration.store.js';

const move = {
  newAddress: { line1: '1 Main St', line2: null, city: 'Phoenix', state: 'AZ', zip: '85004' },
  movedOn: '2026-07-01',
  agencies: [Agency.USPS, Agency.SSA],
};

describe('declarations in the outbox, with identity’s notice to account for them (ADR 0017)', () => {
  let store: AgencyDatabase<LifeEventsDatabase>;
  let outbox: Outbox;
  beforeEach(async () => {
    store = await openTestStore<LifeEventsDatabase>('life-events', lifeEventsMigrations);
    outbox = createDeclarationOutbox(store.db);
  });
  afterEach(() => store.close());

  const accounting = () => store.db.selectFrom('declaration_accounting').selectAll().execute();
  const notifications = () =>
    store.db.selectFrom('declaration_notification').selectAll().orderBy('position').execute();

  it('records one notice for identity naming each agency told, its notification and the fields sent; a retry adds none', async () => {
    const first = await recordMoveDeclaration(store.db, 'rsd_a', 'move-key-0001', move, TEST_TODAY);
    const again = await recordMoveDeclaration(store.db, 'rsd_a', 'move-key-0001', move, TEST_TODAY);
    expect(again.id).toBe(first.id);
    const [notice, ...more] = await accounting();
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ declaration_id: first.id, status: 'PENDING' });
    const told = await notifications();
    expect(JSON.parse(notice!.payload)).toEqual({
      recipients: told.map((n) => ({ agency: n.agency, notificationId: n.id })),
      // No line2: the resident gave none, so none was sent.
      fields: [
        'MailingAddressInput.city',
        'MailingAddressInput.line1',
        'MailingAddressInput.state',
        'MailingAddressInput.zip',
        'ReportMoveInput.movedOn',
        'ReportMoveInput.newAddress',
      ],
    });
    expect(told.map((n) => n.agency)).toEqual(['USPS', 'SSA']);
  });

  it('relays the agencies’ notifications without the list of agencies, and identity’s notice beside them', async () => {
    const birth = await recordBirthDeclaration(
      store.db,
      'rsd_b',
      'birth-key-0001',
      { childGivenName: 'Lena', childBirthDate: '2026-06-10', agencies: [Agency.SSA] },
      TEST_TODAY,
    );
    const due = await outbox.undelivered(null, 10);
    expect(due.map((n) => n.agency).sort()).toEqual(['IDENTITY', 'SSA']);
    const ssa = due.find((n) => n.agency === 'SSA')!;
    expect(ssa.payload).toEqual({ childGivenName: 'Lena', childBirthDate: '2026-06-10' });
    const identity = due.find((n) => n.agency === 'IDENTITY')!;
    expect(identity).toMatchObject({ declarationId: birth.id, residentId: 'rsd_b', kind: 'BIRTH' });
    expect(readDisclosureNotice(identity)).toEqual({
      recipients: [{ agency: 'SSA', notificationId: ssa.id }],
      fields: ['ReportBirthInput.childBirthDate', 'ReportBirthInput.childGivenName'],
    });
    // A full batch takes from both, oldest first, so neither starves the other.
    await recordMoveDeclaration(store.db, 'rsd_a', 'move-key-0001', move, TEST_TODAY);
    expect((await outbox.undelivered(null, 2)).map((n) => n.declarationId)).toEqual([
      birth.id,
      birth.id,
    ]);

    await outbox.markPublished(
      due.map((n) => n.id),
      '2026-06-15T12:00:00.000Z',
    );
    expect((await accounting()).find((a) => a.id === identity.id)?.published_at).toBe(
      '2026-06-15T12:00:00.000Z',
    );
    // Published, no outcome yet: not due again until the redelivery cutoff passes it.
    const fresh = await outbox.undelivered('2026-06-15T11:00:00.000Z', 10);
    expect(fresh.map((n) => n.declarationId)).not.toContain(birth.id);
    const stale = await outbox.undelivered('2026-06-15T13:00:00.000Z', 10);
    expect(stale.filter((n) => n.declarationId === birth.id)).toHaveLength(2);
  });

  it('publishes what was never published before what is due again, on either engine', async () => {
    await recordMoveDeclaration(store.db, 'rsd_a', 'move-key-0001', move, TEST_TODAY);
    const published = await outbox.undelivered(null, 10);
    await outbox.markPublished(
      published.map((n) => n.id),
      '2026-06-15T12:00:00.000Z',
    );
    const fresh = await recordMoveDeclaration(store.db, 'rsd_b', 'move-key-0002', move, TEST_TODAY);
    // A full batch of rows due again must not keep a declaration never published waiting
    // (PostgreSQL sorts nulls last unless told otherwise; SQLite first).
    const due = await outbox.undelivered('2026-06-15T13:00:00.000Z', 3);
    expect(due.map((n) => n.declarationId)).toEqual([fresh.id, fresh.id, fresh.id]);
  });

  it('records identity’s outcome on its notice only: no message for the resident, agencies untouched', async () => {
    await recordMoveDeclaration(store.db, 'rsd_a', 'move-key-0001', move, TEST_TODAY);
    const [notice] = await accounting();
    const [usps] = await notifications();
    await outbox.recordOutcomes([
      { notificationId: notice!.id, agency: 'IDENTITY', result: 'APPLIED', reason: null },
      { notificationId: usps!.id, agency: 'USPS', result: 'APPLIED', reason: null },
    ]);
    // A FAILED arriving late (a redelivery dead-lettered elsewhere) never undoes APPLIED.
    await outbox.recordOutcomes([
      { notificationId: notice!.id, agency: 'IDENTITY', result: 'FAILED', reason: 'late' },
    ]);
    expect((await accounting())[0]).toMatchObject({ status: 'APPLIED', reason: null });
    expect((await notifications()).map((n) => [n.agency, n.status])).toEqual([
      ['USPS', 'APPLIED'],
      ['SSA', 'PENDING'],
    ]);
    const messages = await store.db.selectFrom('resident_notification').selectAll().execute();
    expect(messages.map((m) => m.agency)).toEqual(['USPS']);
    expect((await outbox.undelivered(null, 10)).map((n) => n.agency)).toEqual(['SSA']);
  });
});
