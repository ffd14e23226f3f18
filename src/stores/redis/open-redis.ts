import { Redis } from 'ioredis';
import type { Logger } from '../../log.ts';
import { errorFields } from '../../log.ts';
import type { Probe } from '../../ops/health.ts';
import { BullmqJobQueue } from '../bullmq/bullmq-job-queue.ts';
import type { BullmqJobQueueOptions } from '../bullmq/bullmq-job-queue.ts';
import { RedisConversationStore } from './redis-conversation-store.ts';
import { RedisDeskFeed } from './redis-desk-feed.ts';
import { RedisInbox } from './redis-inbox.ts';
import { RedisTurnLock } from './redis-turn-lock.ts';

export interface RedisStores {
  conversations: RedisConversationStore;
  turnLock: RedisTurnLock;
  inbox: RedisInbox;
  jobs: BullmqJobQueue;
  feed: RedisDeskFeed;
  /** For /readyz: Redis answers a PING. */
  probe: Probe;
  /** Closes the job queue (waiting for running jobs), the subscribers and the shared connection. */
  close(): Promise<void>;
}

export interface OpenRedisOptions {
  log: Logger;
  /** Starts every key. Default `tripcare`. */
  prefix?: string;
  /** Tuning of the job queue: lock, stalled check, concurrency. */
  jobs?: Omit<BullmqJobQueueOptions, 'url' | 'log' | 'prefix'>;
}

/**
 * Everything tripcare keeps in Redis, on one shared connection (plus the lock's
 * subscriber and BullMQ's own).
 *
 * ```ts
 * const redis = openRedis(process.env.REDIS_URL, { log });
 * await redis.turnLock.withLock(key, async () => { ... });
 * await redis.close();
 * ```
 */
export function openRedis(url: string, options: OpenRedisOptions): RedisStores {
  const { log, prefix = 'tripcare' } = options;
  const redis = new Redis(url);
  redis.on('error', (e: unknown) => log.warn('redis.error', errorFields(e)));
  const turnLock = new RedisTurnLock(redis, { prefix, log });
  const jobs = new BullmqJobQueue({ url, log, prefix, ...options.jobs });
  const feed = new RedisDeskFeed(redis, { prefix, log });
  return {
    conversations: new RedisConversationStore(redis, { prefix }),
    turnLock,
    inbox: new RedisInbox(redis, { prefix, log }),
    jobs,
    feed,
    probe: { name: 'redis', check: async () => void (await redis.ping()) },
    async close() {
      await jobs.close();
      await turnLock.close();
      await feed.close();
      await redis.quit();
    },
  };
}
