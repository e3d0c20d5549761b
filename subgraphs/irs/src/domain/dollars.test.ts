import { describe, expect, it } from 'vitest';
import { dollars } from './dollars.js';

describe('dollars', () => {
  it('writes whole dollars with a dollar sign and thousands separators', () => {
    expect(dollars(0)).toBe('$0');
    expect(dollars(612)).toBe('$612');
    expect(dollars(1842)).toBe('$1,842');
    expect(dollars(2_000)).toBe('$2,000');
    expect(dollars(1_234_567)).toBe('$1,234,567');
  });
});
