import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { DataDirLock } from './data-dir-lock.ts';
import type { Row, SqlDatabase, SqlExecutor } from './sql-database.ts';

/**
 * PostgreSQL embedded (PGlite) in a data directory: no server, one process.
 * Opening a directory another live process has open fails (see `DataDirLock`),
 * as two processes on one directory corrupt it.
 */
/**
 * PostgreSQL's 128 MB of shared buffers are zeroed at start, so each is resident memory for good
 * (WebAssembly memory never shrinks): 16 MB holds an agency's working set, and the OS caches
 * the files besides. Written into DATA_DIR's postgresql.conf on every open.
 */
const smallServer = ['shared_buffers = 16MB'];

export class PgliteDatabase implements SqlDatabase {
  readonly dialect = 'pglite';
  readonly #db: PGlite;
  readonly #lock: DataDirLock;

  private constructor(db: PGlite, lock: DataDirLock) {
    this.#db = db;
    this.#lock = lock;
  }

  /** Opens (creating if new: a few seconds the first time) the database in `dir`. */
  static async open(dir: string): Promise<PgliteDatabase> {
    await mkdir(dir, { recursive: true });
    const lock = await DataDirLock.acquire(dir);
    try {
      return new PgliteDatabase(await PGlite.create(dir, { postgresqlconf: smallServer }), lock);
    } catch (e) {
      await lock.release();
      throw e;
    }
  }

  async query(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.#db.query<Row>(sql, params)).rows;
  }

  async exec(sql: string): Promise<void> {
    await this.#db.exec(sql);
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.#db.transaction((tx) => fn({
      query: async (sql, params = []) => (await tx.query<Row>(sql, params)).rows,
      exec: async (sql) => void (await tx.exec(sql)),
    }));
  }

  async close(): Promise<void> {
    try {
      await this.#db.close();
    } finally {
      await this.#lock.release();
    }
  }
}
