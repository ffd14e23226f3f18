import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/ledger/chain.ts';
import type { LedgerRecord } from '../../src/ports/promise-ledger.ts';
import { MemoryPromiseLedger } from '../../src/stores/memory/memory-promise-ledger.ts';

const record = (i: number): LedgerRecord => ({
  caseId: `TC-${i % 97}`, kind: 'offer', payload: { i }, policyVersion: 'test-1', at: new Date('2026-11-21T08:00:00.000Z'), key: `turn-${i}#0`,
});

describe('MemoryPromiseLedger at length', () => {
  it('appends as fast to a long ledger as to a short one', async () => {
    const ledger = new MemoryPromiseLedger();
    const block = 500;
    let n = 0;
    /** The fastest of three blocks of single keyed appends: the least disturbed by GC or a busy machine. */
    const fastestBlock = async () => {
      const times: number[] = [];
      for (let b = 0; b < 3; b++) {
        const started = performance.now();
        for (let i = 0; i < block; i++) await ledger.append([record(n++)]);
        times.push(performance.now() - started);
      }
      return Math.min(...times);
    };
    for (let i = 0; i < 1_000; i++) await ledger.append([record(n++)]); // warm up
    const short = await fastestBlock();
    while (n < 10_000) await ledger.append([record(n++)]);
    const long = await fastestBlock();
    // Rebuilding the held keys on each append made the long ledger's blocks about 20 times slower.
    expect(long / short).toBeLessThan(3);
  });

  it('still refuses a key it holds, finds a case and keeps one chain after many appends', async () => {
    const ledger = new MemoryPromiseLedger();
    for (let i = 0; i < 2_000; i++) await ledger.append([record(i)]);
    expect(await ledger.append([record(5), record(1_999)])).toEqual([]);
    const [again] = await ledger.append([{ ...record(5), key: undefined }]);
    expect(again?.seq).toBe(2_001);
    const ofCase = await ledger.entries('TC-5');
    expect(ofCase.map((e) => e.payload.i)).toEqual([...Array.from({ length: 21 }, (_, k) => 5 + 97 * k), 5]);
    expect(ofCase.map((e) => e.seq)).toEqual([...ofCase.map((e) => e.seq)].sort((a, b) => a - b));
    expect(verifyChain(await ledger.entries())).toEqual({ ok: true, entries: 2_001 });
  });

  it('gives copies: changing what it returned changes nothing it holds', async () => {
    const ledger = new MemoryPromiseLedger();
    const [entry] = await ledger.append([record(1)]);
    if (entry) entry.payload.i = 'changed';
    const [read] = await ledger.entries('TC-1');
    if (read) read.payload.i = 'changed too';
    expect((await ledger.entries('TC-1'))[0]?.payload).toEqual({ i: 1 });
  });
});
