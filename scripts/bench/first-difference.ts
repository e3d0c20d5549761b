import { isDeepStrictEqual } from 'node:util';

/** Where `actual` first differs from `wanted` (a JSON path and both values), or null when equal. */
export function firstDifference(actual: unknown, wanted: unknown, path = '$'): string | null {
  if (isDeepStrictEqual(actual, wanted)) return null;
  if (
    typeof actual !== 'object' ||
    typeof wanted !== 'object' ||
    actual === null ||
    wanted === null
  ) {
    return `${path}: ${JSON.stringify(actual)?.slice(0, 200)} instead of ${JSON.stringify(wanted)?.slice(0, 200)}`;
  }
  for (const key of new Set([...Object.keys(actual), ...Object.keys(wanted)])) {
    const difference = firstDifference(
      (actual as Record<string, unknown>)[key],
      (wanted as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (difference) return difference;
  }
  return `${path}: different`;
}
