import { memoryParts } from './app.ts';
import type { Parts } from './app.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { Clock } from './ports/clock.ts';
import type { SqlStores } from './stores/sql/sql-stores.ts';

/** `production` when both Redis and PostgreSQL are configured; `embedded` otherwise (in part or whole). */
export type WiringName = 'embedded' | 'production';

/**
 * The parts the configuration asks for: Redis (state, locks, journal, BullMQ jobs, limits)
 * when REDIS_URL is set, else memory; PostgreSQL when DATABASE_URL is set, else
 * PGlite in DATA_DIR, which one process at a time may open. Each driver is loaded only when chosen.
 */
export async function openParts(config: Config, clock: Clock, log: Logger): Promise<{ parts: Parts; wiring: WiringName }> {
  const sql = await openSql(config, clock, log);
  const fast = await fastParts(config, clock, log).catch(async (e: unknown) => {
    await sql.close();
    throw e;
  });
  const parts: Parts = {
    ...fast,
    register: sql.register,
    ledger: sql.ledger,
    staff: sql.staff,
    audit: sql.audit,
    desk: sql.desk,
    guides: sql.guides,
    incidents: sql.incidents,
    roster: sql.roster,
    surveys: sql.surveys,
    reports: sql.reports,
    actions: sql.actions,
    probes: [...fast.probes, sql.probe],
    async close() {
      await fast.close();
      await sql.close();
    },
  };
  return { parts, wiring: config.REDIS_URL && config.DATABASE_URL ? 'production' : 'embedded' };
}

/** Cases, transcripts, the ledger, staff, the desk, guides, incidents, rosters and the audit log: in PostgreSQL, or in PGlite in DATA_DIR. */
export async function openSql(config: Config, clock: Clock, log: Logger): Promise<SqlStores> {
  if (!config.DATABASE_URL) {
    const { openPglite } = await import('./stores/sql/open-pglite.ts');
    return openPglite(config.DATA_DIR, { clock });
  }
  const { openPostgres } = await import('./stores/sql/open-postgres.ts');
  const timeouts = { connectTimeoutMs: config.PG_CONNECT_TIMEOUT_MS, statementTimeoutMs: config.PG_STATEMENT_TIMEOUT_MS };
  return openPostgres(config.DATABASE_URL, { clock, log, ...timeouts, ...(config.DATABASE_SCHEMA ? { schema: config.DATABASE_SCHEMA } : {}) })
    .catch((e: unknown) => Promise.reject(named('DATABASE_URL', e)));
}

/** State, locks, journal, jobs, the desk feed and rate limits: in Redis, or in this process. */
async function fastParts(config: Config, clock: Clock, log: Logger): Promise<Pick<Parts, 'inbox' | 'store' | 'lock' | 'jobs' | 'feed' | 'limits' | 'probes' | 'close'>> {
  if (!config.REDIS_URL) {
    const { inbox, store, lock, jobs, feed, limits, close } = memoryParts(clock, log);
    return { inbox, store, lock, jobs, feed, limits, probes: [], close };
  }
  const { openRedis } = await import('./stores/redis/open-redis.ts');
  const redis = openRedis(config.REDIS_URL, { log, prefix: config.REDIS_PREFIX, connectTimeoutMs: config.REDIS_CONNECT_TIMEOUT_MS });
  await redis.reached().catch(async (e: unknown) => {
    await redis.close();
    throw named('REDIS_URL', e);
  });
  return { inbox: redis.inbox, store: redis.conversations, lock: redis.turnLock, jobs: redis.jobs, feed: redis.feed, limits: redis.limits, probes: [redis.probe], close: () => redis.close() };
}

/** A service that failed at start-up, named by its variable: `DATABASE_URL: PostgreSQL at db:5432 did not answer within 5000 ms`. */
const named = (variable: string, e: unknown): Error => new Error(`${variable}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
