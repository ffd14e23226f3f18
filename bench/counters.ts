/**
 * What a system asks of its services, counted in the bench's child process: Redis commands and
 * round trips, and SQL statements and transactions. Counted by wrapping, in that process only,
 * the one method every caller goes through, so nothing under src/ knows it is measured:
 *
 * - Redis: ioredis's `Redis.prototype.sendCommand`, through which every command of every client
 *   in the process passes (tripcare's stores, BullMQ's connections, the peer's storage). A command
 *   is one round trip; a pipeline or MULTI (ioredis writes them as one batch) is one round trip
 *   for all its commands. MONITOR was not used: it hears every client of the server, and other
 *   programs share the bench's Redis.
 * - SQL: the database port (`SqlDatabase`, src/stores/sql/sql-database.ts) on both of its
 *   implementations: every `query` and `exec`, on the database or on a transaction's executor, is
 *   one statement; each `transaction` is counted too, and adds BEGIN and COMMIT, which the driver
 *   sends as statements of their own.
 */
import type { SqlExecutor } from '../src/stores/sql/sql-database.ts';

export interface Counts {
  redisCommands: number;
  redisRoundTrips: number;
  /** Statements the stores send, without BEGIN and COMMIT. */
  sqlStatements: number;
  sqlTransactions: number;
}

/** Since the process started. */
export const counts: Counts = { redisCommands: 0, redisRoundTrips: 0, sqlStatements: 0, sqlTransactions: 0 };

/** An ioredis `Redis` class: the root's, or the peer's own copy. */
interface RedisClass {
  prototype: { sendCommand(command: unknown, stream?: unknown, ...rest: unknown[]): unknown };
}

/** Counts every command of every client of `redisClass` from now on. */
export function countRedis(redisClass: RedisClass): void {
  const proto = redisClass.prototype;
  const send = proto.sendCommand;
  const batches = new WeakSet<object>();
  proto.sendCommand = function sendCommand(this: unknown, command: unknown, stream?: unknown, ...rest: unknown[]): unknown {
    counts.redisCommands++;
    // ioredis hands a pipeline's commands to sendCommand with the pipeline's own stream, which writes them at once.
    const batch = typeof stream === 'object' && stream !== null && 'isPipeline' in stream ? stream : null;
    if (batch === null || !batches.has(batch)) counts.redisRoundTrips++;
    if (batch !== null) batches.add(batch);
    return send.call(this, command, stream, ...rest);
  };
}

/** A `SqlDatabase` implementation: PostgresDatabase or PgliteDatabase. */
interface SqlDatabaseClass {
  prototype: {
    query(sql: string, params?: unknown[]): Promise<unknown>;
    exec(sql: string): Promise<void>;
    transaction(fn: (tx: SqlExecutor) => Promise<unknown>): Promise<unknown>;
  };
}

/** Counts every statement and transaction of every database of these classes from now on. */
export function countSql(...classes: SqlDatabaseClass[]): void {
  for (const { prototype: proto } of classes) {
    const { query, exec, transaction } = proto;
    proto.query = function (this: unknown, sql: string, params?: unknown[]) {
      counts.sqlStatements++;
      return query.call(this, sql, params);
    };
    proto.exec = function (this: unknown, sql: string) {
      counts.sqlStatements++;
      return exec.call(this, sql);
    };
    proto.transaction = function (this: unknown, fn: (tx: SqlExecutor) => Promise<unknown>) {
      counts.sqlTransactions++;
      return transaction.call(this, (tx) => fn({
        query: (sql, params) => {
          counts.sqlStatements++;
          return tx.query(sql, params);
        },
        exec: (sql) => {
          counts.sqlStatements++;
          return tx.exec(sql);
        },
      }));
    };
  }
}
