import { TEST_TODAY } from '@resident-graph/testing';
import { personas } from '@resident-graph/personas';
import { generateResidents, RESIDENT_BLOCK } from '@resident-graph/personas/generate';
import { describe, expect, it } from 'vitest';
import { residentChunks } from '../../scripts/lib/resident-stream.js';

// The seed's residents come from two generator threads, block by block: the writer must still see
// every resident once, in order, exactly as the single-threaded stream gives them.
describe('the seed’s resident stream', () => {
  it('gives the personas and every generated resident once, in order, as one stream would', async () => {
    const generated = RESIDENT_BLOCK + 7;
    const ids: string[] = [];
    const sample = new Map<string, unknown>();
    for await (const chunk of residentChunks(TEST_TODAY, generated, 2000)) {
      expect(chunk.length).toBeLessThanOrEqual(2000);
      for (const resident of chunk) {
        ids.push(resident.id);
        if (ids.length % 9973 === 0 || ids.length > generated) sample.set(resident.id, resident);
      }
    }
    const expected = [...personas(TEST_TODAY), ...generateResidents(generated, TEST_TODAY)];
    expect(ids).toEqual(expected.map((r) => r.id));
    for (const resident of expected)
      if (sample.has(resident.id)) expect(sample.get(resident.id)).toEqual(resident);
  }, 60_000);

  it('keeps the first block what one seeded stream always gave, whatever the count', () => {
    const few = [...generateResidents(50, TEST_TODAY)];
    const many = [...generateResidents(RESIDENT_BLOCK + 1, TEST_TODAY)].slice(0, 50);
    expect(many).toEqual(few);
  });
});
