import type { Clock } from '../../ports/clock.ts';
import { PgliteDatabase } from './pglite-database.ts';
import { sqlStoresOn } from './sql-stores.ts';
import type { SqlStores } from './sql-stores.ts';

/**
 * The case register and promise ledger in an embedded PGlite database in `dir`
 * (e.g. `./data`), migrated. Fails if another live process has `dir` open.
 */
export async function openPglite(dir: string, options: { clock?: Clock } = {}): Promise<SqlStores> {
  return sqlStoresOn(await PgliteDatabase.open(dir), options.clock);
}
