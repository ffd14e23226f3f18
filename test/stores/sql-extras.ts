import { expect, it } from 'vitest';
import { verifyChain } from '../../src/ledger/chain.ts';
import type { CaseDraft } from '../../src/ports/case-register.ts';
import { loadMigrations, migrate } from '../../src/stores/sql/migrate.ts';
import type { SqlStores } from '../../src/stores/sql/sql-stores.ts';
import { int } from '../../src/stores/sql/rows.ts';

/** Checks for the SQL stores beyond the port contracts, run on PostgreSQL and on PGlite. */
export function sqlExtras(stores: () => SqlStores): void {
  it('answers its readiness probe', async () => {
    await stores().probe.check();
  });

  it('runs migrations once: a second run applies nothing and changes nothing', async () => {
    const { db } = stores();
    const before = await db.query('SELECT version, applied_at FROM tripcare_migrations ORDER BY version');
    expect(before.map((r) => int(r, 'version'))).toEqual((await loadMigrations()).map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
    expect(await db.query('SELECT version, applied_at FROM tripcare_migrations ORDER BY version')).toEqual(before);
  });

  it('keeps one case per short number and per idempotency key', async () => {
    const { db, register } = stores();
    const draft: CaseDraft = {
      conversationKey: 'telegram:u', channel: 'telegram', category: 'meals', also: [], problems: [], severity: 'low',
      flags: [], status: 'open', steps: [], facts: {}, outcome: null,
    };
    // Concurrent opens under one key (a turn retried while the first try still runs): one case.
    const opened = await Promise.all(Array.from({ length: 8 }, () => register.open('same-key', draft)));
    expect(new Set(opened.map((c) => c.id)).size).toBe(1);
    await expect(db.query("INSERT INTO cases SELECT id, 'other-key', conversation_key, channel, category, also, problems, severity, flags, status, steps, facts, outcome, created_at, updated_at FROM cases WHERE idempotency_key = 'same-key'"))
      .rejects.toMatchObject({ code: '23505' });
  });

  it('reads back JSON whole: nested values, unicode, an outcome set and cleared', async () => {
    const { register } = stores();
    const facts = { tour: 'GZ-1', amounts: [{ value: 1500.5, currency: 'CNY' }], note: '房间很脏 — "quoted" \\ backslash', deep: { a: [1, [2, { b: null }]] } };
    const opened = await register.open(`json-${Math.random()}`, {
      conversationKey: 'wechat:o1', channel: 'wechat', category: 'accommodation', also: ['meals'], problems: ['room_dirty'], severity: 'high',
      flags: ['wants_compensation'], status: 'open', steps: ['listen'], facts, outcome: { accepted: { amount: 300 } },
    });
    expect((await register.get(opened.id))?.facts).toEqual(facts);
    expect((await register.update(opened.id, { outcome: null })).outcome).toBeNull();
  });

  it('chains appends from several connections at once into one ledger', async () => {
    const { db, ledger } = stores();
    await db.exec('TRUNCATE ledger_entries');
    const at = new Date('2026-11-21T08:00:00.000Z');
    // Payloads JSON reshapes: key order, a nested undefined, a Date; the hash must still verify on read.
    await Promise.all(Array.from({ length: 30 }, (_, i) => ledger.append([{
      caseId: `TC-${i % 3}`, kind: 'deadline', policyVersion: 'p1', at,
      payload: { z: i, a: { due: new Date(at.getTime() + i), gone: undefined } },
    }])));
    const entries = await ledger.entries();
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(verifyChain(entries)).toEqual({ ok: true, entries: 30 });
    expect((await ledger.entries('TC-1')).length).toBe(10);
  });
}
