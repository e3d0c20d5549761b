import { describe, expect, it } from 'vitest';
import { describeStaleFiles, findStaleFiles } from '../../scripts/lib/generated-files.js';

describe('findStaleFiles', () => {
  const disk: Record<string, string> = { 'a.md': 'A\n', 'b.graphql': 'old\n' };
  const read = (path: string) => disk[path] ?? null;

  it('passes files whose text matches exactly', () => {
    expect(findStaleFiles([{ path: 'a.md', expected: 'A\n', command: 'gen a' }], read)).toEqual([]);
  });

  it('reports changed, missing and leftover files with the command that fixes each', () => {
    const stale = findStaleFiles(
      [
        { path: 'a.md', expected: 'A', command: 'gen a' },
        { path: 'b.graphql', expected: 'new\n', command: 'npm run compose' },
        { path: 'c.graphql', expected: 'c\n', command: 'npm run compose' },
      ],
      read,
      [{ path: 'gone.graphql', command: 'npm run compose' }],
    );
    expect(stale).toEqual([
      { path: 'a.md', command: 'gen a', reason: 'differs' },
      { path: 'b.graphql', command: 'npm run compose', reason: 'differs' },
      { path: 'c.graphql', command: 'npm run compose', reason: 'missing' },
      { path: 'gone.graphql', command: 'npm run compose', reason: 'unexpected' },
    ]);
    const message = describeStaleFiles(stale);
    expect(message).toContain('b.graphql is out of date; regenerate with: npm run compose');
    expect(message).toContain('c.graphql is missing');
  });
});
