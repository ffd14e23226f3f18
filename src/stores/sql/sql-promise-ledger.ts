import { chainEntry, genesisHash } from '../../ledger/chain.ts';
import type { LedgerEntry, LedgerKind, LedgerRecord, PromiseLedger } from '../../ports/promise-ledger.ts';
import { date, int, json, jsonParam, text } from './rows.ts';
import type { Row, SqlDatabase } from './sql-database.ts';

/**
 * The promise ledger in PostgreSQL or PGlite. Each append locks the table, reads the
 * last entry and adds the next, in one short transaction: appends from any number of
 * processes queue on the lock and form one chain, `seq` dense from 1. Reads are not blocked.
 */
export class SqlPromiseLedger implements PromiseLedger {
  readonly #db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  async append(records: LedgerRecord[]): Promise<LedgerEntry[]> {
    if (records.length === 0) return [];
    // Hash what will be read back: the payload as JSON keeps it (jsonb drops `undefined`, dates become strings).
    const stored = records.map((r): LedgerRecord => ({ ...r, payload: JSON.parse(JSON.stringify(r.payload)) as Record<string, unknown>, at: new Date(r.at.getTime()) }));
    return this.#db.transaction(async (tx) => {
      // EXCLUSIVE: one appender at a time; plain SELECTs still run.
      await tx.query('LOCK TABLE ledger_entries IN EXCLUSIVE MODE');
      const [last] = await tx.query('SELECT seq, hash FROM ledger_entries ORDER BY seq DESC LIMIT 1');
      let seq = last ? int(last, 'seq') : 0;
      let prevHash = last ? text(last, 'hash') : genesisHash;
      const entries = stored.map((record) => {
        const entry = chainEntry(record, ++seq, prevHash);
        prevHash = entry.hash;
        return entry;
      });
      const rows = entries.map((_, i) => `($${i * 8 + 1}, $${i * 8 + 2}, $${i * 8 + 3}, $${i * 8 + 4}::text::jsonb, $${i * 8 + 5}, $${i * 8 + 6}::timestamptz, $${i * 8 + 7}, $${i * 8 + 8})`);
      await tx.query(
        `INSERT INTO ledger_entries (seq, case_id, kind, payload, policy_version, at, prev_hash, hash) VALUES ${rows.join(', ')}`,
        entries.flatMap((e) => [e.seq, e.caseId, e.kind, jsonParam(e.payload), e.policyVersion, e.at.toISOString(), e.prevHash, e.hash]),
      );
      return entries;
    });
  }

  async entries(caseId?: string): Promise<LedgerEntry[]> {
    const rows = caseId === undefined
      ? await this.#db.query('SELECT * FROM ledger_entries ORDER BY seq')
      : await this.#db.query('SELECT * FROM ledger_entries WHERE case_id = $1 ORDER BY seq', [caseId]);
    return rows.map(toEntry);
  }
}

function toEntry(row: Row): LedgerEntry {
  return {
    seq: int(row, 'seq'),
    caseId: text(row, 'case_id'),
    kind: text(row, 'kind') as LedgerKind,
    payload: json(row, 'payload', 'object'),
    policyVersion: text(row, 'policy_version'),
    at: date(row, 'at'),
    prevHash: text(row, 'prev_hash'),
    hash: text(row, 'hash'),
  };
}
