import { describe, expect, it } from 'vitest';
import { maskSsn } from './ssn.js';

describe('maskSsn', () => {
  it('shows only the last four digits', () => {
    expect(maskSsn('900-12-4821')).toBe('***-**-4821');
    expect(maskSsn('900124821')).toBe('***-**-4821');
  });

  it('masks everything when the stored value is not an SSN', () => {
    expect(maskSsn('garbage')).toBe('***-**-****');
    expect(maskSsn('')).toBe('***-**-****');
  });
});
