import { describe, expect, it } from 'vitest';
import { addressChangeStatus, expectedAddressChangeWindow } from './address-change.js';

describe('expectedAddressChangeWindow', () => {
  it('is 4 to 6 weeks after the form was received', () => {
    expect(expectedAddressChangeWindow('2026-06-09')).toEqual({
      expectedFrom: '2026-07-07',
      expectedBy: '2026-07-21',
    });
  });
});

describe('addressChangeStatus', () => {
  it('says an address given to another agency is not notice to the IRS when nothing was sent', () => {
    const status = addressChangeStatus(null);
    expect(status).toMatchObject({
      code: 'NOT_SUBMITTED',
      label: 'Not submitted',
      step: null,
      actionRequired: false,
    });
    expect(status.description).toContain(
      'An address you gave another agency, like the Postal Service or Social Security, is not notice to the IRS',
    );
    expect(status.nextSteps[0]).toContain('Form 8822');
  });

  it('expects a submitted form to be processed in 4 to 6 weeks (step 1 of 2)', () => {
    expect(addressChangeStatus({ submittedOn: '2026-06-09', processedOn: null })).toMatchObject({
      code: 'SUBMITTED',
      expectedFrom: '2026-07-07',
      expectedBy: '2026-07-21',
      lastChangedOn: '2026-06-09',
      step: 1,
      stepCount: 2,
    });
  });

  it('is done once processed (step 2 of 2)', () => {
    expect(
      addressChangeStatus({ submittedOn: '2026-05-01', processedOn: '2026-06-12' }),
    ).toMatchObject({
      code: 'PROCESSED',
      expectedBy: null,
      lastChangedOn: '2026-06-12',
      step: 2,
      stepCount: 2,
    });
  });
});
