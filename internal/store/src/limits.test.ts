import { describe, expect, it } from 'vitest';
import { inChunks, SQLITE_MAX_VARIABLES } from './limits.js';

describe('inChunks', () => {
  it('fits each chunk under the bound-variable limit, counting the columns of a row', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ a: i, b: i, c: i, d: i, e: i }));
    const chunks = [...inChunks(rows)];
    expect(chunks.map((c) => c.length)).toEqual([6553, 3447]);
    expect(chunks.every((c) => c.length * 5 <= SQLITE_MAX_VARIABLES)).toBe(true);
    expect(chunks.flat()).toEqual(rows);
  });

  it('yields nothing for no rows', () => {
    expect([...inChunks([])]).toEqual([]);
  });
});
