/** A row as a driver returns it; decoded by the store that asked (see `rows.ts`). */
export type Row = Record<string, unknown>;

/** What runs SQL: the database, or one transaction on it. Parameters are `$1, $2, …`. */
export interface SqlExecutor {
  query(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * The few things the SQL stores need from PostgreSQL (`pg`) or PGlite (embedded),
 * so one set of stores and migrations serves both.
 *
 * Driver differences the stores keep to: pass JSON as `JSON.stringify(x)` with
 * `$n::text::jsonb`; read bigint through `int()` (pg gives strings, PGlite numbers);
 * pass times as ISO strings with `$n::timestamptz`.
 */
export interface SqlDatabase extends SqlExecutor {
  readonly dialect: 'postgres' | 'pglite';
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * Keep it short: on PGlite, every other query waits for it.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The SQLSTATE of a failed query (e.g. `23505`, unique violation); both drivers put it in `code`. */
export const sqlState = (e: unknown): unknown => (typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined);
