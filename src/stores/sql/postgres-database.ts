import pg from 'pg';
import type { Logger } from '../../log.ts';
import { addressOf, errorLog, reach } from '../service-errors.ts';
import { sqlState } from './sql-database.ts';
import type { Row, SqlDatabase, SqlExecutor } from './sql-database.ts';
import { settledWithin } from '../../within.ts';

export interface PostgresDatabaseOptions {
  /** e.g. `postgres://tripcare@db:5432/tripcare`. */
  url: string;
  /** Tables live in this schema (created if missing) instead of `public`: for tests, or several agencies in one database. */
  schema?: string;
  /** Connections in the pool. Default 10. */
  maxConnections?: number;
  /** How long opening a connection, or waiting for a free one, may take. Default 5 s. */
  connectTimeoutMs?: number;
  /** PostgreSQL cancels a statement that runs longer. Default 15 s. */
  statementTimeoutMs?: number;
  log?: Logger;
}

/** PostgreSQL through a `pg` pool: many processes may share one database. */
export class PostgresDatabase implements SqlDatabase {
  readonly dialect = 'postgres';
  readonly #pool: pg.Pool;
  readonly #url: string;
  readonly #connectTimeoutMs: number;

  constructor(options: PostgresDatabaseOptions) {
    if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
      throw new Error(`schema ${JSON.stringify(options.schema)} must be lower-case letters, digits and _`);
    }
    this.#url = options.url;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
    const statementTimeoutMs = options.statementTimeoutMs ?? 15_000;
    this.#pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: this.#connectTimeoutMs,
      statement_timeout: statementTimeoutMs,
      // The server's own cancel comes first; this ends the wait on a server that answers nothing at all.
      query_timeout: statementTimeoutMs + this.#connectTimeoutMs,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    // An idle connection that breaks (a restart of PostgreSQL) is replaced; without a listener it would crash the process.
    const logLost = options.log ? errorLog(options.log, 'db.connection_lost', addressOf(options.url)) : () => {};
    this.#pool.on('error', logLost);
  }

  /** Resolves once PostgreSQL answers; fails after the connect timeout, naming the address and the error code. */
  async reached(): Promise<void> {
    await reach('PostgreSQL', this.#url, this.#connectTimeoutMs, () => this.#pool.query('SELECT 1'));
  }

  /** Creates the schema named in the options, if any. */
  async createSchema(schema: string): Promise<void> {
    try {
      await this.#pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (e) {
      // Two processes creating it at once: the loser is told it exists, which is all it wanted.
      if (sqlState(e) !== '23505' && sqlState(e) !== '42P06') throw e;
    }
  }

  async query(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.#pool.query<Row>(sql, params)).rows;
  }

  async exec(sql: string): Promise<void> {
    await this.#pool.query(sql);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn({
        query: async (sql, params = []) => (await client.query<Row>(sql, params)).rows,
        exec: async (sql) => void (await client.query(sql)),
      });
      await client.query('COMMIT');
      return result;
    } catch (e) {
      // A connection that cannot even roll back is not given back to the pool.
      await client.query('ROLLBACK').catch((rollbackError: unknown) => (broken = rollbackError instanceof Error ? rollbackError : new Error('rollback failed')));
      throw e;
    } finally {
      client.release(broken);
    }
  }

  /** Ends the pool; a connection held by a statement to a silent server is given 1 s, then left to the process's exit. */
  async close(): Promise<void> {
    await settledWithin(this.#pool.end(), 1_000);
  }
}
