import { describe, expect, it } from 'vitest';
import { restrictCachePolicy } from './cache-hints.js';

describe('restrictCachePolicy', () => {
  const restricted = (header: string | null | undefined) => {
    const hints: unknown[] = [];
    restrictCachePolicy({ restrict: (hint) => hints.push(hint) }, header);
    return hints;
  };

  it('makes an answer without Cache-Control or max-age uncacheable, as @apollo/gateway does', () => {
    for (const header of [null, undefined, '', 'private', 'no-store'])
      expect(restricted(header), String(header)).toEqual([
        { maxAge: 0, ...(header === 'private' ? { scope: 'PRIVATE' } : {}) },
      ]);
  });

  it('reads max-age and the scope, whatever their case and spacing', () => {
    expect(restricted('max-age=60, private')).toEqual([{ maxAge: 60, scope: 'PRIVATE' }]);
    expect(restricted('Public ,MAX-AGE=300')).toEqual([{ maxAge: 300, scope: 'PUBLIC' }]);
    expect(restricted('max-age=soon, public')).toEqual([{ maxAge: 0, scope: 'PUBLIC' }]);
  });

  it('does nothing for a request without a cache policy', () => {
    expect(() => restrictCachePolicy(undefined, 'max-age=60')).not.toThrow();
    expect(() => restrictCachePolicy({}, null)).not.toThrow();
  });
});
