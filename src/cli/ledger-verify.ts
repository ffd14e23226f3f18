import type { Writable } from 'node:stream';
import type { Config } from '../config.ts';
import { verifyChain } from '../ledger/chain.ts';
import { SystemClock } from '../clock/system-clock.ts';
import { createLogger } from '../log.ts';
import { openSql } from '../wiring.ts';

/**
 * `tripcare ledger verify`: recomputes the promise ledger's hash chain, in
 * DATABASE_URL or the embedded register in DATA_DIR. Exit 0 intact, 1 broken.
 */
export async function ledgerVerify(config: Config, output: Writable): Promise<number> {
  const sql = await openSql(config, new SystemClock(), createLogger('error'));
  try {
    const check = verifyChain(await sql.ledger.entries());
    output.write(check.ok
      ? `ledger intact: ${check.entries} entries\n`
      : `ledger BROKEN at entry ${check.brokenAt} of ${check.entries}: ${check.reason}\n`);
    return check.ok ? 0 : 1;
  } finally {
    await sql.close();
  }
}
