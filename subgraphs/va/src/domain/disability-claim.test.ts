import { describe, expect, it } from 'vitest';
import {
  bddWindow,
  compensationCountsFrom,
  disabilityClaimStatus,
  fullCompensationFilingDeadline,
} from './disability-claim.js';

const separationOn = '2026-10-03';
const service = { separationOn, combatVeteran: false };
const codeOn = (today: string) => disabilityClaimStatus(service, null, today).code;

describe('Benefits Delivery at Discharge window: 180 to 90 days before separation', () => {
  it('opens 180 days before and closes 90 days before, both days included', () => {
    expect(bddWindow(separationOn)).toEqual({ opensOn: '2026-04-06', closesOn: '2026-07-05' });
    expect([codeOn('2026-04-05'), codeOn('2026-04-06')]).toEqual(['NOT_YET_OPEN', 'BDD_OPEN']);
    expect([codeOn('2026-07-05'), codeOn('2026-07-06')]).toEqual([
      'BDD_OPEN',
      'FILE_AFTER_SEPARATION',
    ]);
  });

  it('asks for action with the window’s last day as the deadline', () => {
    const status = disabilityClaimStatus(service, null, '2026-06-15');
    expect([status.actionRequired, status.actionDeadline]).toEqual([true, '2026-07-05']);
  });
});

describe('filing within one year after separation', () => {
  it('counts compensation from the day after separation up to the anniversary, then from filing', () => {
    expect(fullCompensationFilingDeadline(separationOn)).toBe('2027-10-03');
    expect(compensationCountsFrom(separationOn, '2026-05-01')).toBe('2026-10-04');
    expect(compensationCountsFrom(separationOn, '2027-10-03')).toBe('2026-10-04');
    expect(compensationCountsFrom(separationOn, '2027-10-04')).toBe('2027-10-04');
  });

  it('shows FILE_WITHIN_YEAR from the day after separation through the anniversary, then NOT_FILED', () => {
    expect([codeOn('2026-10-03'), codeOn('2026-10-04')]).toEqual([
      'FILE_AFTER_SEPARATION',
      'FILE_WITHIN_YEAR',
    ]);
    expect([codeOn('2027-10-03'), codeOn('2027-10-04')]).toEqual(['FILE_WITHIN_YEAR', 'NOT_FILED']);
  });
});

describe('a filed claim: its phase, step n of 8', () => {
  it('numbers the eight phases from received to complete', () => {
    const phases = [
      'RECEIVED',
      'INITIAL_REVIEW',
      'EVIDENCE_GATHERING',
      'REVIEW_OF_EVIDENCE',
      'PREPARATION_FOR_DECISION',
      'PENDING_DECISION_APPROVAL',
      'PREPARATION_FOR_NOTIFICATION',
      'COMPLETE',
    ] as const;
    const steps = phases.map((phase) => {
      const s = disabilityClaimStatus(
        service,
        { phase, filedOn: '2026-05-01', changedOn: '2026-06-01' },
        '2026-06-15',
      );
      return [s.code, s.step, s.stepCount];
    });
    expect(steps).toEqual(phases.map((phase, i) => [phase, i + 1, 8]));
  });

  it('says from when compensation counts for a BDD claim', () => {
    const s = disabilityClaimStatus(
      service,
      { phase: 'INITIAL_REVIEW', filedOn: '2026-05-01', changedOn: '2026-06-01' },
      '2026-06-15',
    );
    expect(s.nextSteps).toContain(
      'If your claim is granted, compensation counts from October 4, 2026.',
    );
  });

  it('has no options without a service record', () => {
    expect(disabilityClaimStatus(null, null, '2026-06-15').code).toBe('NO_SERVICE_RECORD');
  });
});
