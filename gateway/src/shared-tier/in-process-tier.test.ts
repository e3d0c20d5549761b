import { describe, expect, it } from 'vitest';
import { createInProcessTier } from './in-process-tier.js';
import { windowVerdict } from './shared-tier.js';

describe('the in-process tier', () => {
  it('stays bounded, and a flood of values never evicts counters', async () => {
    const tier = createInProcessTier({ maxValues: 3, maxCounters: 3 });
    await tier.increment('generation');
    expect((await tier.hit('rl:{client:x}', 5, 60_000)).allowed).toBe(true);
    for (let i = 0; i < 10; i++) await tier.set(`apq:${i}`, 'query', 60_000);
    expect(await tier.get('apq:0')).toBeUndefined();
    expect(await tier.get('apq:9')).toBe('query');
    expect(await tier.counter('generation')).toBe(1);
  });

  it('expires values by its clock', async () => {
    let time = 1_000;
    const tier = createInProcessTier({ now: () => time });
    await tier.set('k', 'v', 100);
    time += 99;
    expect(await tier.get('k')).toBe('v');
    time += 1;
    expect(await tier.get('k')).toBeUndefined();
  });

  it('slides its window: the previous window weighs less as time passes', async () => {
    let time = 60_000 * 100;
    const tier = createInProcessTier({ now: () => time });
    for (let i = 0; i < 4; i++) expect((await tier.hit('rl:{r:a}', 4, 60_000)).allowed).toBe(true);
    const refused = await tier.hit('rl:{r:a}', 4, 60_000);
    expect(refused.allowed).toBe(false);
    // All four in the previous window, a quarter into the next: estimate 3 + 0, one more fits.
    time += 60_000 + 15_000;
    expect((await tier.hit('rl:{r:a}', 4, 60_000)).allowed).toBe(true);
    expect((await tier.hit('rl:{r:a}', 4, 60_000)).allowed).toBe(false);
  });
});

describe('windowVerdict', () => {
  it('says how long until one more request fits', () => {
    // Previous window full (10), current empty, half way: estimate 5; limit 5 → wait until ≤ 4.
    expect(windowVerdict(0, 10, 5, 60_000, 30_000)).toEqual({
      allowed: false,
      retryAfterMs: 6_000,
      count: false,
    });
    // Current window alone over the limit: wait into the next window.
    const verdict = windowVerdict(5, 0, 5, 60_000, 10_000);
    expect(verdict.allowed).toBe(false);
    expect(verdict.retryAfterMs).toBe(50_000 + 12_000);
  });
});
