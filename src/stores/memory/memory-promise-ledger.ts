import { chainEntry, genesisHash } from '../../ledger/chain.ts';
import type { LedgerEntry, LedgerRecord, PromiseLedger } from '../../ports/promise-ledger.ts';

/** The embedded ledger: a chain in memory. */
export class MemoryPromiseLedger implements PromiseLedger {
  readonly #entries: LedgerEntry[] = [];

  async append(records: LedgerRecord[]): Promise<LedgerEntry[]> {
    const known = new Set(this.#entries.map((e) => e.key).filter((k) => k !== undefined));
    const appended = records.filter((r) => r.key === undefined || !known.has(r.key)).map((record) => {
      const entry = chainEntry(structuredClone(record), this.#entries.length + 1, this.#entries.at(-1)?.hash ?? genesisHash);
      this.#entries.push(entry);
      return entry;
    });
    return structuredClone(appended);
  }

  async entries(caseId?: string): Promise<LedgerEntry[]> {
    return structuredClone(caseId ? this.#entries.filter((e) => e.caseId === caseId) : this.#entries);
  }
}
