import { chainEntry, genesisHash } from '../../ledger/chain.ts';
import type { LedgerEntry, LedgerRecord, PromiseLedger } from '../../ports/promise-ledger.ts';

/**
 * The embedded ledger: a chain in memory. The keys it holds and each case's entries are indexed
 * as they are appended, so an append costs the same on the millionth entry as on the first.
 */
export class MemoryPromiseLedger implements PromiseLedger {
  readonly #entries: LedgerEntry[] = [];
  readonly #keys = new Set<string>();
  readonly #byCase = new Map<string, LedgerEntry[]>();

  async append(records: LedgerRecord[]): Promise<LedgerEntry[]> {
    // Keys are checked against those held before this batch, as the SQL ledger does.
    const fresh = records.filter((r) => r.key === undefined || !this.#keys.has(r.key));
    const appended = fresh.map((record) => {
      const entry = chainEntry(structuredClone(record), this.#entries.length + 1, this.#entries.at(-1)?.hash ?? genesisHash);
      this.#entries.push(entry);
      if (entry.key !== undefined) this.#keys.add(entry.key);
      const ofCase = this.#byCase.get(entry.caseId);
      if (ofCase) ofCase.push(entry);
      else this.#byCase.set(entry.caseId, [entry]);
      return entry;
    });
    return structuredClone(appended);
  }

  async entries(caseId?: string): Promise<LedgerEntry[]> {
    // `caseId` '' is no case, as before: every entry.
    return structuredClone(caseId ? this.#byCase.get(caseId) ?? [] : this.#entries);
  }
}
