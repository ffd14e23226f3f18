/**
 * tripcare as the bench runs it, on any of its wirings, with the offline understanding:
 * - production: Redis and PostgreSQL (REDIS_URL and DATABASE_URL, default the local ones), under
 *   a key prefix and schema of its own;
 * - embedded: state, locks and jobs in memory, SQL in PGlite in a fresh temporary DATA_DIR;
 * - memory: every part in memory.
 * Replies go to a web-chat channel that only counts them. `close()` removes everything it wrote.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createApp, memoryParts } from '../src/app.ts';
import type { App, Parts } from '../src/app.ts';
import { SystemClock } from '../src/clock/system-clock.ts';
import { loadConfig } from '../src/config.ts';
import type { Config } from '../src/config.ts';
import type { InboundMessage } from '../src/conversation/messages.ts';
import { createLogger } from '../src/log.ts';
import { loadPolicy } from '../src/policy/policy-file.ts';
import { openParts } from '../src/wiring.ts';
import type { Turn } from './complaint.ts';
import { averageKeyBytes, unlinkKeys } from './redis-keys.ts';

export const wirings = ['production', 'embedded', 'memory'] as const;
export type Wiring = (typeof wirings)[number];

export const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchTripcare {
  app: App;
  config: Config;
  /** Replies sent so far. */
  replies(): number;
  /** Redis MEMORY USAGE of a conversation's state; undefined off Redis. */
  bytesPerConversation(): Promise<number | undefined>;
  /** Closes the app and removes its keys, schema or data directory. */
  close(): Promise<void>;
}

/** `tag` (lower-case letters, digits, _) keeps the keys and schema of one run apart from every other's. */
export async function openTripcare(wiring: Wiring, tag: string): Promise<BenchTripcare> {
  const dataDir = wiring === 'embedded' ? await mkdtemp(join(tmpdir(), 'tripcare-bench-')) : undefined;
  const name = `${process.pid}_${tag}`;
  const config = loadConfig({
    BURST_WINDOW_MS: '0', LOG_LEVEL: 'error',
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
    ...(wiring === 'production' ? { REDIS_URL: redisUrl, DATABASE_URL: databaseUrl, REDIS_PREFIX: `tripcare-bench-${name}`, DATABASE_SCHEMA: `tripcare_bench_${name}` } : {}),
  });
  const clock = new SystemClock();
  const log = createLogger('error');
  const parts: Parts = wiring === 'memory' ? memoryParts(clock, log) : (await openParts(config, clock, log)).parts;
  const app = createApp({ config, parts, policy: await loadPolicy(), clock, log });
  let sent = 0;
  app.router.register('webchat', { send: async () => void sent++ });
  return {
    app, config,
    replies: () => sent,
    async bytesPerConversation() {
      if (wiring !== 'production') return undefined;
      return withRedis((redis) => averageKeyBytes(redis, `${config.REDIS_PREFIX}:conversation:*`));
    },
    async close() {
      await app.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
      if (wiring === 'production') await dropProduction(config);
    },
  };
}

export const message = (conversation: string, n: number, turn: Turn): InboundMessage => ({
  channel: 'webchat', conversationId: conversation, senderId: conversation, senderRole: 'traveller',
  messageId: `${conversation}-${n}`, attachments: [], receivedAt: new Date(), ...turn,
});

async function withRedis<T>(use: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(redisUrl);
  try {
    return await use(redis);
  } finally {
    await redis.quit();
  }
}

async function dropProduction(config: Config): Promise<void> {
  await withRedis((redis) => unlinkKeys(redis, `${config.REDIS_PREFIX}:*`));
  if (!config.DATABASE_SCHEMA) return;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${config.DATABASE_SCHEMA} CASCADE`);
  await client.end();
}
