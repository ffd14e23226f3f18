import { createHash } from 'node:crypto';
import type { LedgerEntry, LedgerRecord } from '../ports/promise-ledger.ts';

/** The hash before the first entry. */
export const genesisHash = '0'.repeat(64);

/** JSON with object keys sorted, so the same record always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The entry that follows `prevHash` as number `seq`. */
export function chainEntry(record: LedgerRecord, seq: number, prevHash: string): LedgerEntry {
  const { caseId, kind, payload, policyVersion, at, key } = record;
  // The key is bookkeeping for retries, not part of the promise: it stays out of the hash.
  const hash = createHash('sha256').update(canonical({ seq, prevHash, caseId, kind, payload, policyVersion, at })).digest('hex');
  return { seq, caseId, kind, payload, policyVersion, at, prevHash, hash, ...(key === undefined ? {} : { key }) };
}

export type ChainCheck = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

/** Recomputes every hash of a whole ledger, in order, from the first entry. */
export function verifyChain(entries: LedgerEntry[]): ChainCheck {
  let prevHash = genesisHash;
  for (const [i, entry] of entries.entries()) {
    const expectedSeq = i + 1;
    if (entry.seq !== expectedSeq) return { ok: false, entries: entries.length, brokenAt: expectedSeq, reason: 'an entry is missing or out of order' };
    if (entry.prevHash !== prevHash) return { ok: false, entries: entries.length, brokenAt: entry.seq, reason: 'does not follow the entry before it' };
    if (chainEntry(entry, entry.seq, prevHash).hash !== entry.hash) return { ok: false, entries: entries.length, brokenAt: entry.seq, reason: 'its content was changed' };
    prevHash = entry.hash;
  }
  return { ok: true, entries: entries.length };
}
