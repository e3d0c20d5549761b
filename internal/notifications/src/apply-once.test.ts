import { openAgencyDatabase, sql, type Kysely } from '@resident-graph/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appliedNotificationMigration,
  applyOnce,
  type AppliedNotificationDatabase,
} from './apply-once.js';
import type { Notification } from './notification.js';

interface TestDatabase extends AppliedNotificationDatabase {
  change: { notification_id: string };
}

const notification: Notification = {
  id: 'ntf_1',
  declarationId: 'dcl_1',
  residentId: 'rsd_1',
  agency: 'USPS',
  kind: 'MOVE',
  payload: {},
};

describe('applyOnce', () => {
  let store: Awaited<ReturnType<typeof openAgencyDatabase<TestDatabase>>>;
  let db: Kysely<TestDatabase>;
  beforeEach(async () => {
    store = await openAgencyDatabase<TestDatabase>(':memory:', {
      '0001': appliedNotificationMigration,
      '0002': {
        async up(db: Kysely<unknown>) {
          await db.schema.createTable('change').addColumn('notification_id', 'text').execute();
        },
      },
    });
    db = store.db;
  });
  afterEach(() => store.close());

  const changes = async () =>
    Number((await sql<{ n: number }>`select count(*) as n from change`.execute(db)).rows[0]?.n);

  it('applies a notification once, and answers a redelivery with the first decision', async () => {
    let calls = 0;
    const apply = () =>
      applyOnce(db, notification, async (trx) => {
        calls += 1;
        await trx.insertInto('change').values({ notification_id: notification.id }).execute();
        return { result: 'REFUSED', reason: 'no record' };
      });
    expect(await apply()).toEqual({ result: 'REFUSED', reason: 'no record' });
    expect(await apply()).toEqual({ result: 'REFUSED', reason: 'no record' });
    expect(calls).toBe(1);
    expect(await changes()).toBe(1);
  });

  it('keeps neither the change nor the marker when applying fails, so a retry applies it', async () => {
    await expect(
      applyOnce(db, notification, async (trx) => {
        await trx.insertInto('change').values({ notification_id: notification.id }).execute();
        throw new Error('agency store unavailable');
      }),
    ).rejects.toThrow('agency store unavailable');
    expect(await changes()).toBe(0);
    const retried = await applyOnce(db, notification, async (trx) => {
      await trx.insertInto('change').values({ notification_id: notification.id }).execute();
      return { result: 'APPLIED', reason: null };
    });
    expect(retried).toEqual({ result: 'APPLIED', reason: null });
    expect(await changes()).toBe(1);
  });
});
