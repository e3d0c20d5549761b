import { describe, expect, it } from 'vitest';
import { required } from './requires.js';

describe('required', () => {
  it('passes a present value through, falsy ones included', () => {
    expect(required('1961-08-15', 'birthDate')).toBe('1961-08-15');
    expect(required(0, 'count')).toBe(0);
    expect(required('', 'name')).toBe('');
  });

  it('throws, naming what is missing, when the representation lacks it', () => {
    expect(() => required(null, 'Resident rsd_ava birthDate')).toThrow(
      'Resident rsd_ava birthDate is missing, though the field @requires it',
    );
    expect(() => required(undefined, 'x')).toThrow(Error);
  });
});
