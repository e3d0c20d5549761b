import { describe, expect, it } from 'vitest';
import { expectedCardArrival, newbornCardStatus } from './newborn-card-status.js';

const card = { childGivenName: 'Juniper', requestedOn: '2026-06-03', changedOn: '2026-06-10' };

describe('newbornCardStatus', () => {
  it('is NO_REQUEST when there is none', () => {
    expect(newbornCardStatus(null)).toMatchObject({
      code: 'NO_REQUEST',
      step: null,
      expectedBy: null,
      actionRequired: false,
    });
  });

  it('expects the card 2–3 weeks after the request', () => {
    expect(newbornCardStatus({ ...card, status: 'REQUESTED' })).toMatchObject({
      code: 'REQUESTED',
      step: 1,
      stepCount: 3,
      expectedFrom: '2026-06-17',
      expectedBy: '2026-06-24',
    });
    const processing = newbornCardStatus({ ...card, status: 'PROCESSING' });
    expect(processing).toMatchObject({
      code: 'PROCESSING',
      step: 2,
      lastChangedOn: '2026-06-10',
      actionRequired: false,
    });
    expect(processing.description).toContain('Juniper');
    expect(processing.description).toContain('June 17, 2026');
  });

  it('keeps the window once mailed on time, and says what to do if it does not come', () => {
    const mailed = newbornCardStatus({ ...card, status: 'MAILED', changedOn: '2026-06-12' });
    expect(mailed).toMatchObject({
      code: 'MAILED',
      step: 3,
      expectedFrom: '2026-06-17',
      expectedBy: '2026-06-24',
    });
    expect(mailed.nextSteps.join(' ')).toContain('June 24, 2026');
  });

  it('moves the window after a card mailed late', () => {
    expect(expectedCardArrival({ ...card, status: 'MAILED', changedOn: '2026-06-20' })).toEqual({
      from: '2026-06-21',
      by: '2026-06-24',
    });
    expect(expectedCardArrival({ ...card, status: 'MAILED', changedOn: '2026-06-30' })).toEqual({
      from: '2026-07-01',
      by: '2026-07-08',
    });
  });
});
