import type { ChannelRole } from '../../adapters/channel.ts';
import { ConfigError } from '../config.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';

/** `web` and `worker` share their work through Redis: without REDIS_URL they refuse to start. */
export function requireServices(role: ChannelRole, config: Config): void {
  if (role !== 'start' && !config.REDIS_URL) {
    throw new ConfigError(`tripcare ${role} shares its work with other processes through Redis: set REDIS_URL (and DATABASE_URL), or run tripcare start for everything in one process.`);
  }
}

/**
 * Whether the services the configuration names answer, before `serve` loads the app's modules
 * (seconds): a wrong DATABASE_URL or REDIS_URL ends start-up at once, with a ConfigError (exit
 * 78) naming the variable and the address, as `openParts` would later. Through the stores' own
 * code (`PostgresDatabase.reached`, `openRedis(…).reached`), on connections closed right after.
 */
export async function reachServices(role: ChannelRole, config: Config, log: Logger): Promise<void> {
  requireServices(role, config);
  await Promise.all([config.DATABASE_URL && reachPostgres(config, config.DATABASE_URL, log), config.REDIS_URL && reachRedis(config, config.REDIS_URL, log)]);
}

async function reachPostgres(config: Config, url: string, log: Logger): Promise<void> {
  const [{ PostgresDatabase }, { postgresProblem }] = await Promise.all([import('../stores/sql/postgres-database.ts'), import('../stores/sql/open-postgres.ts')]);
  const db = new PostgresDatabase({ url, maxConnections: 1, connectTimeoutMs: config.PG_CONNECT_TIMEOUT_MS, log });
  try {
    await db.reached();
  } catch (e) {
    void db.close().catch(() => undefined); // not waited for: the process ends
    throw named('DATABASE_URL', postgresProblem(e));
  }
  await db.close();
}

async function reachRedis(config: Config, url: string, log: Logger): Promise<void> {
  const { openRedis } = await import('../stores/redis/open-redis.ts');
  const redis = openRedis(url, { log, prefix: config.REDIS_PREFIX, connectTimeoutMs: config.REDIS_CONNECT_TIMEOUT_MS });
  try {
    await redis.reached();
  } catch (e) {
    void redis.close().catch(() => undefined); // not waited for: the process ends
    throw named('REDIS_URL', e);
  }
  await redis.close();
}

/** As wiring.ts names a service that failed at start-up: `DATABASE_URL: PostgreSQL at db:5432 failed (3D000): no such database`. */
const named = (variable: string, e: unknown): Error => new Error(`${variable}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
