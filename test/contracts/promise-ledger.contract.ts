import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/ledger/chain.ts';
import type { LedgerRecord, PromiseLedger } from '../../src/ports/promise-ledger.ts';

const record = (caseId: string, kind: LedgerRecord['kind'], payload: Record<string, unknown> = {}): LedgerRecord => ({
  caseId, kind, payload, policyVersion: 'test-1', at: new Date('2026-11-21T08:00:00.000Z'),
});

/** What every promise ledger must do. `make` gives an empty ledger. */
export function promiseLedgerContract(name: string, make: () => Promise<PromiseLedger>): void {
  describe(`PromiseLedger: ${name}`, () => {
    it('chains entries in order, each on the hash of the one before', async () => {
      const ledger = await make();
      const [a] = await ledger.append([record('TC-AAAAAA', 'offer', { amount: 300, currency: 'CNY' })]);
      const [b] = await ledger.append([record('TC-AAAAAA', 'acceptance')]);
      expect([a?.seq, b?.seq]).toEqual([1, 2]);
      expect(b?.prevHash).toBe(a?.hash);
      expect(verifyChain(await ledger.entries())).toEqual({ ok: true, entries: 2 });
    });

    it('reads back exactly what was appended, per case', async () => {
      const ledger = await make();
      await ledger.append([record('TC-AAAAAA', 'offer', { amount: 1500.5, options: [{ clause: '8' }] })]);
      await ledger.append([record('TC-BBBBBB', 'deadline', { dueAt: '2026-11-21T10:00:00.000Z' })]);
      const [only] = await ledger.entries('TC-BBBBBB');
      expect(only).toMatchObject({ seq: 2, kind: 'deadline', payload: { dueAt: '2026-11-21T10:00:00.000Z' }, policyVersion: 'test-1' });
      expect(only?.at).toEqual(new Date('2026-11-21T08:00:00.000Z'));
      expect((await ledger.entries('TC-AAAAAA'))[0]?.payload).toEqual({ amount: 1500.5, options: [{ clause: '8' }] });
    });

    it('appends a record with a key it holds already only once', async () => {
      const ledger = await make();
      const keyed = { ...record('TC-KEYED1', 'offer', { total: 660 }), key: `turn-${Math.random()}` };
      expect(await ledger.append([keyed])).toHaveLength(1);
      expect(await ledger.append([keyed, record('TC-KEYED1', 'acceptance')])).toHaveLength(1); // a redone turn
      const entries = await ledger.entries('TC-KEYED1');
      expect(entries.map((e) => e.kind)).toEqual(['offer', 'acceptance']);
      expect(entries[0]?.key).toBe(keyed.key);
      expect(verifyChain(await ledger.entries()).ok).toBe(true);
    });

    it('keeps one chain under concurrent appends', async () => {
      const ledger = await make();
      await Promise.all(Array.from({ length: 25 }, (_, i) => ledger.append([record(`TC-${i}`, 'offer', { i }), record(`TC-${i}`, 'deadline', { i })])));
      const entries = await ledger.entries();
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      // A batch stays together, in its order.
      for (let i = 0; i < 50; i += 2) expect([entries[i]?.caseId, entries[i]?.kind, entries[i + 1]?.kind]).toEqual([entries[i + 1]?.caseId, 'offer', 'deadline']);
      expect(verifyChain(entries).ok).toBe(true);
    });
  });
}
