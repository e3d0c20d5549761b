import { Redis } from 'ioredis';

/** Where `npm start` looks for a Redis when REDIS_URL is not set. */
export const LOCAL_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Whether a Redis answers PING at `url` within `timeoutMs`: `npm start` then uses it for "tell us
 * once" delivery and the gateway's shared tier, and without one runs on its embedded defaults.
 */
export async function redisAnswers(url: string, timeoutMs = 500): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
