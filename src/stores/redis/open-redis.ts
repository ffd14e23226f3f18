import { Redis } from 'ioredis';
import { ConfigError } from '../../config.ts';
import type { Logger } from '../../log.ts';
import type { Probe } from '../../ops/health.ts';
import { BullmqJobQueue } from '../bullmq/bullmq-job-queue.ts';
import type { BullmqJobQueueOptions } from '../bullmq/bullmq-job-queue.ts';
import { addressOf, errorCode, errorLog, reach, socketMeanings } from '../service-errors.ts';
import { closeRedis, commandRedisOptions } from './redis-connection.ts';
import { RedisConversationStore } from './redis-conversation-store.ts';
import { RedisDeskFeed } from './redis-desk-feed.ts';
import { RedisInbox } from './redis-inbox.ts';
import { RedisRateLimits } from './redis-rate-limits.ts';
import { RedisTurnLock } from './redis-turn-lock.ts';

export interface RedisStores {
  conversations: RedisConversationStore;
  turnLock: RedisTurnLock;
  inbox: RedisInbox;
  jobs: BullmqJobQueue;
  feed: RedisDeskFeed;
  limits: RedisRateLimits;
  /** For /readyz: Redis answers a PING. */
  probe: Probe;
  /**
   * Resolves once Redis answers; fails after the connect timeout, naming the address and the
   * last error code, with a ConfigError (see `redisProblem`).
   */
  reached(): Promise<void>;
  /** Closes the job queue (waiting for running jobs), the subscribers and the shared connection. */
  close(): Promise<void>;
}

export interface OpenRedisOptions {
  log: Logger;
  /** Starts every key. Default `tripcare`. */
  prefix?: string;
  /** How long a connection may take to open, or to answer a command. Default 5 s. */
  connectTimeoutMs?: number;
  /** Tuning of the job queue: lock, stalled check, concurrency. */
  jobs?: Omit<BullmqJobQueueOptions, 'url' | 'log' | 'prefix' | 'connectTimeoutMs'>;
}

/**
 * Everything tripcare keeps in Redis, on one shared connection (plus the lock's
 * subscriber and BullMQ's own).
 *
 * ```ts
 * const redis = openRedis(process.env.REDIS_URL, { log });
 * await redis.reached();
 * await redis.turnLock.withLock(key, async () => { ... });
 * await redis.close();
 * ```
 */
export function openRedis(url: string, options: OpenRedisOptions): RedisStores {
  const { log, prefix = 'tripcare', connectTimeoutMs = 5_000 } = options;
  const redis = new Redis(url, commandRedisOptions(connectTimeoutMs));
  const logError = errorLog(log, 'redis.error', addressOf(url));
  let lastCode: string | null = null;
  redis.on('error', (e: unknown) => {
    lastCode = errorCode(e) ?? replyWord(e) ?? lastCode;
    logError(e);
  });
  const turnLock = new RedisTurnLock(redis, { prefix, log });
  const jobs = new BullmqJobQueue({ url, log, prefix, connectTimeoutMs, ...options.jobs });
  const feed = new RedisDeskFeed(redis, { prefix, log });
  return {
    conversations: new RedisConversationStore(redis, { prefix }),
    turnLock,
    inbox: new RedisInbox(redis, { prefix, log }),
    jobs,
    feed,
    limits: new RedisRateLimits(redis, { prefix }),
    probe: { name: 'redis', check: async () => void (await redis.ping()) },
    reached: () => reach('Redis', url, connectTimeoutMs, () => redis.ping(), () => lastCode).then(() => undefined, (e: unknown) => Promise.reject(redisProblem(e, lastCode))),
    async close() {
      await Promise.all([jobs.close(), turnLock.close(), feed.close()]);
      await closeRedis(redis);
    },
  };
}

/** What an error reaching Redis means for REDIS_URL, by its code or the first word of Redis's reply. */
const meanings: Record<string, string> = {
  ...socketMeanings,
  ECONNRESET: 'the connection was cut (is it Redis that listens there, with TLS as the URL says?)',
  WRONGPASS: 'wrong user name or password',
  NOAUTH: 'Redis wants a password and REDIS_URL has none',
  NOPERM: 'the user may not run what tripcare needs',
};

/**
 * A failure of `reached()` as a ConfigError (exit 78): what the operator must fix is REDIS_URL,
 * or the server it names. Its message (address and code, never the password) is followed by
 * what the code means: `Redis at cache:6379 failed (ECONNREFUSED): nothing listens at that port`.
 */
export function redisProblem(e: unknown, code: string | null = errorCode(e)): ConfigError {
  const message = e instanceof Error ? e.message : String(e);
  const meaning = code === null ? undefined : meanings[code];
  return new ConfigError(meaning ? `${message}: ${meaning}` : message, { cause: e });
}

/** The first word of a Redis error reply that refuses the connection (WRONGPASS, NOAUTH, NOPERM), if it is one. */
function replyWord(e: unknown): string | null {
  const word = e instanceof Error ? /^([A-Z]+)\b/.exec(e.message)?.[1] : undefined;
  return word !== undefined && ['WRONGPASS', 'NOAUTH', 'NOPERM'].includes(word) ? word : null;
}
