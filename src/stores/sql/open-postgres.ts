import type { Clock } from '../../ports/clock.ts';
import type { Logger } from '../../log.ts';
import { PostgresDatabase } from './postgres-database.ts';
import { sqlStoresOn } from './sql-stores.ts';
import type { SqlStores } from './sql-stores.ts';

export interface OpenPostgresOptions {
  /** Tables in this schema (created if missing) rather than `public`. */
  schema?: string;
  /** Pool size. Default 10. */
  maxConnections?: number;
  /** How long opening a connection may take; start-up fails after it. Default 5 s. */
  connectTimeoutMs?: number;
  /** PostgreSQL cancels a statement that runs longer. Default 15 s. */
  statementTimeoutMs?: number;
  clock?: Clock;
  log?: Logger;
}

/**
 * The case register and promise ledger on PostgreSQL, migrated.
 *
 * ```ts
 * const sql = await openPostgres(process.env.DATABASE_URL);
 * await sql.register.open(key, draft);
 * await sql.close();
 * ```
 */
export async function openPostgres(url: string, options: OpenPostgresOptions = {}): Promise<SqlStores> {
  const db = new PostgresDatabase({ url, ...options });
  try {
    // Unreachable, it fails here naming the address, not in the first migration with the driver's bare timeout.
    await db.reached();
    if (options.schema) await db.createSchema(options.schema);
  } catch (e) {
    await db.close();
    throw e;
  }
  return sqlStoresOn(db, options.clock);
}
