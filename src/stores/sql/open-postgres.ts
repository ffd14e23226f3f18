import { ConfigError } from '../../config.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Logger } from '../../log.ts';
import { addressOf, errorCode, socketMeanings } from '../service-errors.ts';
import { PostgresDatabase } from './postgres-database.ts';
import { sqlState } from './sql-database.ts';
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
 *
 * A database that cannot be reached or signed in to (see `postgresProblem`), or in which the
 * role may not create what it needs, fails with a ConfigError: what the operator must fix is
 * DATABASE_URL, or the server it names.
 */
export async function openPostgres(url: string, options: OpenPostgresOptions = {}): Promise<SqlStores> {
  const db = new PostgresDatabase({ url, ...options });
  try {
    // Unreachable, it fails here naming the address, not in the first migration with the driver's bare timeout.
    await db.reached().catch((e: unknown) => Promise.reject(postgresProblem(e)));
    if (options.schema) await db.createSchema(options.schema).catch((e: unknown) => Promise.reject(refused(url, 'could not create its schema', e)));
  } catch (e) {
    await db.close();
    throw e;
  }
  // sqlStoresOn closes the database if the migrations fail.
  return sqlStoresOn(db, options.clock).catch((e: unknown) => Promise.reject(refused(url, 'could not be migrated', e)));
}

/**
 * What an error reaching PostgreSQL means for DATABASE_URL, by its code: a wrong host, port,
 * database, role or password, or a server that cannot take the connection now.
 */
const meanings: Record<string, string> = {
  ...socketMeanings,
  ECONNRESET: 'the connection was cut (is it PostgreSQL that listens there?)',
  '3D000': 'no such database',
  '28000': 'the role may not sign in (no such role, or pg_hba.conf refuses it)',
  '28P01': 'wrong password, or no such role',
  '42501': 'the role lacks a privilege it needs (CREATE on the database or the schema)',
  '53300': 'too many connections',
  '57P03': 'the server is starting up or shutting down',
};

/**
 * A failure of `PostgresDatabase.reached()` as a ConfigError (exit 78), its message (the address
 * and code, never the password) followed by what the code means:
 * `PostgreSQL at db:5432 failed (3D000): no such database`.
 */
export function postgresProblem(e: unknown): ConfigError {
  const message = e instanceof Error ? e.message : String(e);
  const code = firstCode(e);
  const meaning = code === null ? undefined : meanings[code];
  return new ConfigError(meaning ? `${message}: ${meaning}` : message, { cause: e });
}

/** A privilege missing for the schema or the migrations: DATABASE_URL's role must change (a ConfigError); anything else is left as it is. */
function refused(url: string, what: string, e: unknown): unknown {
  if (sqlState(e) !== '42501') return e;
  return new ConfigError(`PostgreSQL at ${addressOf(url)}: the database ${what} (42501): ${meanings['42501']}`, { cause: e });
}

/** The code of the error or of the first of its causes that has one (`reach` wraps the driver's error). */
function firstCode(e: unknown): string | null {
  for (let error = e, depth = 0; error instanceof Error && depth < 8; error = error.cause, depth++) {
    const code = errorCode(error);
    if (code !== null) return code;
  }
  return null;
}
