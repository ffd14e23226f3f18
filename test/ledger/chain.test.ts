import { describe, expect, it } from 'vitest';
import { chainEntry, genesisHash, verifyChain } from '../../src/ledger/chain.ts';
import type { LedgerEntry } from '../../src/ports/promise-ledger.ts';

function chain(n: number): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (let i = 1; i <= n; i++) {
    entries.push(chainEntry({ caseId: 'TC-AAAAAA', kind: 'offer', payload: { amount: i * 100, b: 1, a: 2 }, policyVersion: 'v1', at: new Date(i * 1000) }, i, entries.at(-1)?.hash ?? genesisHash));
  }
  return entries;
}

describe('ledger chain', () => {
  it('verifies an intact chain and an empty one', () => {
    expect(verifyChain(chain(5))).toEqual({ ok: true, entries: 5 });
    expect(verifyChain([])).toEqual({ ok: true, entries: 0 });
  });

  it('hashes the same record the same whatever its key order', () => {
    const [a] = chain(1);
    const reordered = { ...a!, payload: { a: 2, b: 1, amount: 100 } };
    expect(verifyChain([reordered]).ok).toBe(true);
  });

  it('finds a changed amount', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, payload: { amount: 1 } };
    expect(verifyChain(entries)).toMatchObject({ ok: false, brokenAt: 3, reason: 'its content was changed' });
  });

  it('finds a deleted entry', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verifyChain(entries)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('finds an entry rewritten with a fresh hash of its own', () => {
    const entries = chain(4);
    const forged = chainEntry({ ...entries[1]!, payload: { amount: 99_999 } }, 2, entries[0]!.hash);
    entries[1] = forged;
    expect(verifyChain(entries)).toMatchObject({ ok: false, brokenAt: 3, reason: 'does not follow the entry before it' });
  });
});
