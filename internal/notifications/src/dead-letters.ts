import type { Redis } from 'ioredis';
import { fieldMap } from './notification.js';
import type { StreamEntry } from './redis-connection.js';
import { streamKeys } from './streams.js';

export interface DeadLetter {
  /** Entry id in the dead-letter stream; what `replayDeadLetters` takes. */
  entryId: string;
  agency: string;
  notificationId: string | null;
  declarationId: string | null;
  kind: string | null;
  deliveries: number;
  deadLetteredAt: string | null;
}

/** The notifications `agency` gave up on, oldest first. */
export async function listDeadLetters(
  redis: Redis,
  keyPrefix: string,
  agency: string,
): Promise<DeadLetter[]> {
  const entries = (await redis.call(
    'XRANGE',
    streamKeys(keyPrefix).deadLetters(agency),
    '-',
    '+',
  )) as StreamEntry[];
  return entries.map(([entryId, fields]) => {
    const map = fieldMap(fields);
    return {
      entryId,
      agency,
      notificationId: map.get('id') ?? null,
      declarationId: map.get('declarationId') ?? null,
      kind: map.get('kind') ?? null,
      deliveries: Number(map.get('deliveries') ?? 0),
      deadLetteredAt: map.get('deadLetteredAt') ?? null,
    };
  });
}

const bookkeeping = new Set(['originalEntryId', 'deliveries', 'deadLetteredAt']);

/**
 * Puts dead letters back on the agency's stream (as new entries, so they get a fresh set of
 * retries) and removes them from the dead-letter stream; all of them, or only `entryIds`.
 * Returns how many were replayed. Replaying twice is harmless: the agency applies by id.
 */
export async function replayDeadLetters(
  redis: Redis,
  keyPrefix: string,
  agency: string,
  entryIds?: readonly string[],
): Promise<number> {
  const keys = streamKeys(keyPrefix);
  const entries = (await redis.call('XRANGE', keys.deadLetters(agency), '-', '+')) as StreamEntry[];
  const chosen = entryIds ? entries.filter(([id]) => entryIds.includes(id)) : entries;
  for (const [entryId, fields] of chosen) {
    const original: string[] = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
      if (!bookkeeping.has(fields[i]!)) original.push(fields[i]!, fields[i + 1]!);
    }
    await redis.call('XADD', keys.notifications(agency), '*', ...original);
    await redis.call('XDEL', keys.deadLetters(agency), entryId);
  }
  return chosen.length;
}
