import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

/** Where the services are; override with TEST_REDIS_URL / TEST_DATABASE_URL. */
export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Whether a service-backed test file can run. When the service is unreachable the file
 * is skipped with a notice on stderr, except under `CI=true`, where it must run: then
 * this throws and the file fails.
 */
async function reachable(name: string, url: string, probe: () => Promise<void>): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (process.env.CI === 'true') throw new Error(`${name} at ${url} is unreachable (${why}); CI=true requires it`);
    process.stderr.write(`\n  ⚠ skipping ${name} tests: ${name} at ${url} is unreachable (${why})\n\n`);
    return false;
  }
}

export const redisReachable = (): Promise<boolean> => reachable('Redis', redisUrl, async () => {
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let cause: unknown;
  redis.on('error', (e: unknown) => (cause = e)); // says more than connect()'s "Connection is closed"
  try {
    await redis.connect().catch((e: unknown) => Promise.reject(cause ?? e));
    await redis.ping();
  } finally {
    redis.disconnect();
  }
});

export const postgresReachable = (): Promise<boolean> => reachable('PostgreSQL', postgresUrl, async () => {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => {});
  }
});

/** A name no other test run uses: for Redis key prefixes and PostgreSQL schemas. */
export const uniqueName = (what: string): string => `${what}_${process.pid}_${randomBytes(4).toString('hex')}`;

/** Deletes every Redis key that starts with `prefix` (never the whole Redis). */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** Removes what a test's processes left in the services: the Redis keys under `prefix`, the PostgreSQL schema. */
export async function dropTestData(prefix: string, schema: string): Promise<void> {
  const redis = new Redis(redisUrl);
  await deleteKeys(redis, prefix);
  await redis.quit();
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

/**
 * A Redis client for the tests of one `describe`, opened before them; afterwards the
 * keys under `prefix` are deleted and the client closed. Call it inside the describe.
 */
export function redisForTests(prefix: string): () => Redis {
  let redis: Redis | undefined;
  beforeAll(() => {
    redis = new Redis(redisUrl);
  });
  afterAll(async () => {
    if (!redis) return;
    await deleteKeys(redis, prefix);
    await redis.quit();
  });
  return () => {
    if (!redis) throw new Error('redisForTests: the client opens in beforeAll');
    return redis;
  };
}
