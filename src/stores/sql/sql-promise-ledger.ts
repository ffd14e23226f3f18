import { chainEntry, genesisHash } from '../../ledger/chain.ts';
import type { LedgerEntry, LedgerKind, LedgerRecord, PromiseLedger } from '../../ports/promise-ledger.ts';
import { date, int, json, jsonParam, optionalText, text } from './rows.ts';
import type { Row, SqlDatabase } from './sql-database.ts';

/**
 * The promise ledger in PostgreSQL or PGlite. Each append locks the table, reads the
 * last entry and adds the next, in one short transaction: appends from any number of
 * processes queue on the lock and form one chain, `seq` dense from 1. Reads are not blocked.
 */
/** Casts of the inserted columns, in order: payload as jsonb from text, at as timestamptz. */
const casts: Partial<Record<number, string>> = { 3: '::text::jsonb', 5: '::timestamptz' };

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
      const keys = stored.map((r) => r.key).filter((k) => k !== undefined);
      const known = keys.length === 0 ? [] : await tx.query(
        `SELECT idempotency_key FROM ledger_entries WHERE idempotency_key IN (${keys.map((_, i) => `$${i + 1}`).join(', ')})`, keys,
      );
      const held = new Set(known.map((row) => text(row, 'idempotency_key')));
      let seq = last ? int(last, 'seq') : 0;
      let prevHash = last ? text(last, 'hash') : genesisHash;
      const entries = stored.filter((r) => r.key === undefined || !held.has(r.key)).map((record) => {
        const entry = chainEntry(record, ++seq, prevHash);
        prevHash = entry.hash;
        return entry;
      });
      if (entries.length === 0) return [];
      const rows = entries.map((_, i) => `(${Array.from({ length: 9 }, (_, j) => `$${i * 9 + j + 1}${casts[j] ?? ''}`).join(', ')})`);
      await tx.query(
        `INSERT INTO ledger_entries (seq, case_id, kind, payload, policy_version, at, prev_hash, hash, idempotency_key) VALUES ${rows.join(', ')}`,
        entries.flatMap((e) => [e.seq, e.caseId, e.kind, jsonParam(e.payload), e.policyVersion, e.at.toISOString(), e.prevHash, e.hash, e.key ?? null]),
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
    ...(optionalText(row, 'idempotency_key') === undefined ? {} : { key: text(row, 'idempotency_key') }),
  };
}
