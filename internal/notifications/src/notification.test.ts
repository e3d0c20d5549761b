import { describe, expect, it } from 'vitest';
import { readMoveNotice } from './move-notice.js';
import {
  notificationFields,
  parseNotification,
  parseOutcome,
  outcomeFields,
} from './notification.js';
import { entriesOf } from './redis-connection.js';

const notification = {
  id: 'ntf_1',
  declarationId: 'dcl_1',
  residentId: 'rsd_1',
  agency: 'SSA',
  kind: 'MOVE',
  payload: {
    newAddress: { line1: '1 Main St', line2: null, city: 'Phoenix', state: 'AZ', zip: '85004' },
    movedOn: '2026-07-01',
  },
};

describe('notification messages', () => {
  it('round-trips a notification and an outcome through stream fields', () => {
    expect(parseNotification(notificationFields(notification))).toEqual(notification);
    const outcome = {
      notificationId: 'ntf_1',
      agency: 'SSA',
      result: 'REFUSED' as const,
      reason: 'why',
    };
    expect(parseOutcome(outcomeFields(outcome))).toEqual(outcome);
    expect(
      parseOutcome(outcomeFields({ ...outcome, result: 'APPLIED', reason: null })),
    ).toMatchObject({
      reason: null,
    });
  });

  it('throws on what no agency can read (those entries are retried, then dead-lettered)', () => {
    expect(() =>
      parseNotification(['id', 'ntf_1', 'kind', 'MOVE', 'payload', 'not json']),
    ).toThrow();
    const fields = notificationFields({ ...notification, payload: { movedOn: 'soon' } });
    expect(() => readMoveNotice(parseNotification(fields))).toThrow(/newAddress/);
    expect(parseOutcome(['notificationId', 'ntf_1', 'result', 'MAYBE'])).toBeNull();
  });

  it('reads XREADGROUP replies in both RESP2 and RESP3 shapes', () => {
    const entries = [['1-0', ['id', 'ntf_1']]];
    expect(entriesOf([['stream', entries]])).toEqual(entries);
    expect(entriesOf(['stream', entries])).toEqual(entries);
    expect(entriesOf(null)).toEqual([]);
    expect(entriesOf(['stream', []])).toEqual([]);
  });
});
