import { describe, expect, it } from 'vitest';
import {
  NO_MEDICARE_RECORD,
  assessMedicare,
  enrollmentPeriod,
  medicareEnrollmentStatus,
  overallEnrollment,
  partBLatePenaltyPercent,
  type MedicareRecord,
} from './medicare-status.js';

const today = '2026-06-15';
// Turns 65 in August 2026: IEP May 1 – November 30, 2026.
const ava = '1961-08-15';
const record = (overrides: Partial<MedicareRecord>): MedicareRecord => ({
  ...NO_MEDICARE_RECORD,
  ...overrides,
});

describe('overallEnrollment', () => {
  it('is PENDING if any part is pending, else ENROLLED if any is enrolled', () => {
    expect(overallEnrollment({ partA: 'ENROLLED', partB: 'PENDING' })).toBe('PENDING');
    expect(overallEnrollment({ partA: 'ENROLLED', partB: 'ENROLLED' })).toBe('ENROLLED');
    expect(overallEnrollment({ partA: 'ENROLLED', partB: 'NOT_ENROLLED' })).toBe('ENROLLED');
    expect(overallEnrollment({ partA: 'NOT_ENROLLED', partB: 'NOT_ENROLLED' })).toBe(
      'NOT_ENROLLED',
    );
  });
});

describe('medicareEnrollmentStatus: not enrolled', () => {
  it('before the IEP opens: says when it opens, no action yet', () => {
    const result = medicareEnrollmentStatus(NO_MEDICARE_RECORD, '1962-03-20', today);
    expect(result).toMatchObject({
      code: 'NOT_ENROLLED',
      label: 'Not enrolled yet',
      actionRequired: false,
      actionDeadline: null,
    });
    expect(result.description).toContain('It opens on December 1, 2026');
    expect(result.description).toContain('to June 30, 2027');
    expect(result.nextSteps.join(' ')).toContain('usually done through Social Security');
    expect(assessMedicare(NO_MEDICARE_RECORD, '1962-03-20', today).enrollmentPeriod).toBeNull();
  });

  it('during the IEP: open, action required by the day it closes', () => {
    const result = medicareEnrollmentStatus(NO_MEDICARE_RECORD, ava, today);
    expect(result).toMatchObject({
      code: 'NOT_ENROLLED',
      label: 'Sign-up window open',
      actionRequired: true,
      actionDeadline: '2026-11-30',
    });
    expect(result.description).toContain('open until November 30, 2026');
    expect(result.nextSteps[0]).toContain('usually done through Social Security');
    expect(result.nextSteps[1]).toBe(
      'If you sign up before August 2026, your coverage starts on August 1, 2026.',
    );
    expect(enrollmentPeriod(NO_MEDICARE_RECORD, ava, today)).toBe('IEP');
  });

  it('in the IEP’s last months: coverage starts the month after signing up', () => {
    const result = medicareEnrollmentStatus(NO_MEDICARE_RECORD, '1961-05-10', today);
    expect(result.actionDeadline).toBe('2026-08-31');
    expect(result.nextSteps[1]).toBe(
      'Your coverage starts the first day of the month after you sign up.',
    );
  });

  it('after the IEP, outside the GEP: says when the next GEP opens and the penalty so far', () => {
    // Born March 1960: IEP December 2024 – June 2025; 11 whole months without Part B by June 2026.
    const result = medicareEnrollmentStatus(NO_MEDICARE_RECORD, '1960-03-10', today);
    expect(result).toMatchObject({
      code: 'NOT_ENROLLED',
      label: 'Not enrolled',
      actionRequired: false,
      actionDeadline: null,
    });
    expect(result.description).toContain('from January 1, 2027 to March 31, 2027');
    expect(result.description).not.toContain('%');
    expect(enrollmentPeriod(NO_MEDICARE_RECORD, '1960-03-10', today)).toBeNull();
    // Born January 1959: IEP ended April 30, 2024; May 2024 – May 2026 is 25 months → 20%.
    const later = medicareEnrollmentStatus(NO_MEDICARE_RECORD, '1959-01-10', today);
    expect(later.description).toContain('at least 20% higher');
  });

  it('after the IEP, during the GEP: open, action required by March 31', () => {
    const result = medicareEnrollmentStatus(NO_MEDICARE_RECORD, '1960-03-10', '2027-02-10');
    expect(result).toMatchObject({
      label: 'General Enrollment Period open',
      actionRequired: true,
      actionDeadline: '2027-03-31',
    });
    expect(enrollmentPeriod(NO_MEDICARE_RECORD, '1960-03-10', '2027-02-10')).toBe('GEP');
    // IEP ended June 2025: July 2025 – January 2027 is 19 months → 10%.
    expect(partBLatePenaltyPercent(NO_MEDICARE_RECORD, '1960-03-10', '2027-02-10')).toBe(10);
    expect(result.description).toContain('at least 10% higher');
  });

  it('says a resident getting Social Security will be enrolled automatically', () => {
    const result = medicareEnrollmentStatus(
      record({ enrolledAutomatically: true }),
      '1961-10-20',
      today,
    );
    expect(result).toMatchObject({
      code: 'NOT_ENROLLED',
      label: 'Enrolling automatically',
      actionRequired: false,
      expectedBy: '2026-10-01',
    });
  });
});

describe('medicareEnrollmentStatus: pending and enrolled', () => {
  it('PENDING names each part and the coverage start', () => {
    const rosa = record({
      partA: 'ENROLLED',
      partB: 'PENDING',
      changedOn: '2026-05-26',
      coverageStartsOn: '2026-05-01',
    });
    const result = medicareEnrollmentStatus(rosa, '1961-05-10', today);
    expect(result).toMatchObject({
      code: 'PENDING',
      actionRequired: false,
      lastChangedOn: '2026-05-26',
      expectedBy: null,
    });
    expect(result.description).toContain('Part A: enrolled. Part B: being processed.');
    expect(enrollmentPeriod(rosa, '1961-05-10', today)).toBe('IEP');
  });

  it('ENROLLED automatically with coverage from the month of turning 65', () => {
    const walter = record({
      partA: 'ENROLLED',
      partB: 'ENROLLED',
      changedOn: '2026-04-15',
      coverageStartsOn: '2026-07-01',
      enrolledAutomatically: true,
    });
    const result = medicareEnrollmentStatus(walter, '1961-07-20', today);
    expect(result).toMatchObject({
      code: 'ENROLLED',
      label: 'Enrolled',
      expectedBy: '2026-07-01',
      actionRequired: false,
    });
    expect(result.description).toContain('starts on July 1, 2026');
    expect(result.description).toContain('enrolled automatically');
    expect(assessMedicare(walter, '1961-07-20', today)).toMatchObject({
      enrollmentPeriod: 'IEP',
      partBLatePenaltyPercent: 0,
    });
  });

  it('infers a GEP sign-up from coverage starting in February–April after the IEP, with its penalty', () => {
    // IEP ended November 30, 2026; Part B from April 2028: December 2026 – March 2028 is 16 months → 10%.
    const late = record({ partA: 'ENROLLED', partB: 'ENROLLED', coverageStartsOn: '2028-04-01' });
    expect(enrollmentPeriod(late, ava, '2028-06-01')).toBe('GEP');
    expect(partBLatePenaltyPercent(late, ava, '2028-06-01')).toBe(10);
    expect(medicareEnrollmentStatus(late, ava, '2028-06-01').description).toContain(
      '10% late enrollment penalty',
    );
    // Part B from April 2029: 28 months → 20%.
    expect(
      partBLatePenaltyPercent(
        record({ partB: 'ENROLLED', coverageStartsOn: '2029-04-01' }),
        ava,
        '2029-06-01',
      ),
    ).toBe(20);
  });

  it('infers a Special Enrollment Period from coverage starting outside the IEP and GEP: no penalty', () => {
    const sep = record({ partA: 'ENROLLED', partB: 'ENROLLED', coverageStartsOn: '2029-09-01' });
    expect(enrollmentPeriod(sep, ava, '2029-10-01')).toBe('SEP');
    expect(partBLatePenaltyPercent(sep, ava, '2029-10-01')).toBe(0);
  });

  it('counts coverage starting the month after the IEP as an IEP sign-up', () => {
    expect(
      enrollmentPeriod(
        record({ partA: 'ENROLLED', partB: 'ENROLLED', coverageStartsOn: '2026-12-01' }),
        ava,
        '2027-01-10',
      ),
    ).toBe('IEP');
  });

  it('Part A only: says how to get Part B, with a deadline while a window is open', () => {
    const partAOnly = record({ partA: 'ENROLLED', coverageStartsOn: '2026-08-01' });
    const during = medicareEnrollmentStatus(partAOnly, ava, today);
    expect(during).toMatchObject({
      code: 'ENROLLED',
      label: 'Enrolled in Part A',
      actionRequired: true,
      actionDeadline: '2026-11-30',
    });
    const after = medicareEnrollmentStatus(partAOnly, ava, '2028-06-01');
    expect(after).toMatchObject({ actionRequired: false, actionDeadline: null });
    // December 2026 – May 2028 is 18 months → 10%.
    expect(after.description).toContain('at least 10% higher');
  });
});
