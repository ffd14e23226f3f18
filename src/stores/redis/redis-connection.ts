import type { Redis, RedisOptions } from 'ioredis';
import { settledWithin } from '../../within.ts';

/**
 * How every tripcare connection to Redis waits: `timeoutMs` to connect, then reconnecting
 * at most 2 s apart for as long as Redis is away. A command waits through four
 * reconnections (about 5 s when Redis refuses, longer when it does not answer) and then
 * fails, rather than queue for ever.
 */
export const redisOptions = (timeoutMs: number): RedisOptions => ({
  connectTimeout: timeoutMs,
  retryStrategy: (times) => Math.min(times * 500, 2_000),
  maxRetriesPerRequest: 3,
});

/**
 * As `redisOptions`, for a connection that never blocks: one that takes `timeoutMs` to
 * answer (a Redis that accepts connections and then says nothing) is dropped and reopened.
 */
export const commandRedisOptions = (timeoutMs: number): RedisOptions => ({ ...redisOptions(timeoutMs), socketTimeout: timeoutMs });

/** `host:port` a connection goes to, for its error lines. */
export const redisAddress = (redis: Redis): string => `${redis.options.host ?? 'localhost'}:${redis.options.port ?? 6379}`;

/**
 * Closes `redis`: politely while Redis answers, at once when it is away. A Redis that is
 * connected and silent gets `graceMs` to answer QUIT, which would otherwise wait for the
 * socket timeout (and a stop closes several connections).
 */
export async function closeRedis(redis: Redis, graceMs = 500): Promise<void> {
  if (redis.status === 'ready') await settledWithin(redis.quit(), graceMs);
  redis.disconnect();
}

/** Whether Redis answers PING within `graceMs`. */
export async function redisAnswers(redis: Redis, graceMs = 500): Promise<boolean> {
  if (redis.status !== 'ready') return false;
  const ping = redis.ping().then(() => true, () => false);
  return (await settledWithin(ping, graceMs)) && ping;
}
