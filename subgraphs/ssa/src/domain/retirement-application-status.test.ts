import { describe, expect, it } from 'vitest';
import { retirementApplicationStatus } from './retirement-application-status.js';

const today = '2026-06-15';
// Any birth date: the steps of an application do not depend on it.
const facts = { today, birthDate: '1961-04-02', benefitsStartedOn: null };

describe('retirementApplicationStatus', () => {
  it('numbers the four steps and records when the status changed', () => {
    const received = retirementApplicationStatus(
      { status: 'RECEIVED', filedOn: '2026-06-01', changedOn: '2026-06-02' },
      facts,
    );
    expect(received).toMatchObject({
      code: 'RECEIVED',
      step: 1,
      stepCount: 4,
      actionRequired: false,
      lastChangedOn: '2026-06-02',
    });
    expect(received.description).toContain('June 1, 2026');
    expect(
      retirementApplicationStatus(
        { status: 'IN_REVIEW', filedOn: '2026-06-01', changedOn: '2026-06-10' },
        facts,
      ),
    ).toMatchObject({ code: 'IN_REVIEW', step: 3 });
  });

  it('asks for documents with a deadline 30 days after the request', () => {
    const result = retirementApplicationStatus(
      { status: 'DOCUMENTS_REQUESTED', filedOn: '2026-05-06', changedOn: '2026-06-06' },
      facts,
    );
    expect(result).toMatchObject({
      code: 'DOCUMENTS_REQUESTED',
      label: 'Documents needed',
      step: 2,
      stepCount: 4,
      actionRequired: true,
      actionDeadline: '2026-07-06',
    });
    expect(result.description).toContain('July 6, 2026');
  });

  it('says when benefits started once decided', () => {
    const result = retirementApplicationStatus(
      { status: 'DECIDED', filedOn: '2023-04-20', changedOn: '2023-06-20' },
      { ...facts, benefitsStartedOn: '2023-07-01' },
    );
    expect(result).toMatchObject({ code: 'DECIDED', step: 4, stepCount: 4, actionRequired: false });
    expect(result.description).toContain('July 2023');
  });

  it('is NOT_STARTED, with no step, change date or action, when there is no application', () => {
    expect(retirementApplicationStatus(null, facts)).toMatchObject({
      code: 'NOT_STARTED',
      label: 'Not started',
      step: null,
      stepCount: null,
      actionRequired: false,
      lastChangedOn: null,
    });
  });

  it('says when someone under 62 can apply: 4 months before the month they reach 62', () => {
    const result = retirementApplicationStatus(null, {
      today,
      birthDate: '1970-03-20',
      benefitsStartedOn: null,
    });
    expect(result.description).toContain('You can apply from November 2031');
    expect(result.nextSteps[0]).toContain('March 2032 (age 62)');
    expect(result.nextSteps[0]).toContain('March 2037');
  });

  it('counts the 4 months from the month before for someone born on the 1st', () => {
    const result = retirementApplicationStatus(null, {
      today,
      birthDate: '1970-03-01',
      benefitsStartedOn: null,
    });
    expect(result.description).toContain('You can apply from October 2031');
  });

  it('says “apply now” from 4 months before 62 on', () => {
    // Reaches 62 in October 2026: may apply from June 2026.
    expect(
      retirementApplicationStatus(null, { today, birthDate: '1964-10-20', benefitsStartedOn: null })
        .description,
    ).toContain('You can apply now');
    expect(
      retirementApplicationStatus(null, { today, birthDate: '1964-11-20', benefitsStartedOn: null })
        .description,
    ).toContain('You can apply from July 2026');
    // Ava: 64, full retirement age 67 in August 2028.
    const ava = retirementApplicationStatus(null, {
      today,
      birthDate: '1961-08-15',
      benefitsStartedOn: null,
    });
    expect(ava.description).toContain('You can apply now');
    expect(ava.nextSteps[0]).toContain('full benefit from August 2028');
  });

  it('tells someone past 70 not to wait', () => {
    const result = retirementApplicationStatus(null, {
      today,
      birthDate: '1950-02-10',
      benefitsStartedOn: null,
    });
    expect(result.nextSteps[0]).toContain('stopped growing');
  });
});

describe('retirementApplicationStatus: when benefits could start, for someone who has not applied', () => {
  const firstChoice = (birthDate: string) =>
    retirementApplicationStatus(null, { today, birthDate, benefitsStartedOn: null }).nextSteps[0];

  it('names the month of 62 while it is still ahead', () => {
    expect(firstChoice('1966-09-20')).toMatch(
      /^Benefits can start as early as September 2028 \(age 62\)/,
    );
  });

  it('never offers a month already past: after 62 the earliest start is next month', () => {
    expect(firstChoice('1961-08-15')).toMatch(/^Benefits can start as soon as July 2026,/);
  });

  it('from full retirement age on, says the full benefit is available now', () => {
    expect(firstChoice('1959-01-15')).toMatch(
      /^You can get your full benefit now, and more if you wait, up to January 2029 \(age 70\)/,
    );
  });
});
