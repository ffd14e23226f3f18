/** Redis keys a bench system left: their size, and their removal. For tripcare and the peer alike. */
import type { Redis } from 'ioredis';

/** Mean MEMORY USAGE of up to `sample` keys matching `match`; 0 if none. */
export async function averageKeyBytes(redis: Redis, match: string, sample = 500): Promise<number> {
  const keys: string[] = [];
  for await (const batch of redis.scanStream({ match, count: 1000 }) as AsyncIterable<string[]>) {
    keys.push(...batch);
    if (keys.length >= sample) break;
  }
  const sizes = await Promise.all(keys.slice(0, sample).map((k) => redis.call('MEMORY', 'USAGE', k) as Promise<number>));
  return sizes.length ? sizes.reduce((a, b) => a + b, 0) / sizes.length : 0;
}

/** Removes every key matching `match`. */
export async function unlinkKeys(redis: Redis, match: string): Promise<void> {
  for await (const keys of redis.scanStream({ match, count: 1000 }) as AsyncIterable<string[]>) {
    if (keys.length) await redis.unlink(...keys);
  }
}
