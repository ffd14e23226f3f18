import { describe, expect, it } from 'vitest';
import type { ReplayGuard } from '../../adapters/wechat/official-account/replay-guard.ts';
import type { ServiceWindows } from '../../adapters/wechat/official-account/service-windows.ts';

const hour = 3600_000;
const t0 = new Date('2026-11-21T02:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const user = () => `o${Math.random().toString(36).slice(2)}`;

/** What every store of WeChat's customer-service windows must do (rules: 48 h, 5 messages). */
export function serviceWindowsContract(name: string, make: () => Promise<ServiceWindows>): void {
  describe(`ServiceWindows: ${name}`, () => {
    it('has no window for a traveller who never wrote', async () => {
      const windows = await make();
      const u = user();
      expect(await windows.take(u, t0)).toEqual({ ok: false, reason: 'closed' });
      expect(await windows.windowOf(u, t0)).toBeNull();
    });

    it('allows five messages within 48 hours of the traveller’s message, and no sixth', async () => {
      const windows = await make();
      const u = user();
      await windows.open(u, t0, 'm1');
      for (let i = 0; i < 5; i++) expect((await windows.take(u, at(i * hour))).ok).toBe(true);
      expect(await windows.take(u, at(6 * hour))).toEqual({ ok: false, reason: 'exhausted' });
      expect(await windows.windowOf(u, at(6 * hour))).toEqual({ openedAt: t0, closesAt: at(48 * hour), sent: 5, remaining: 0 });
    });

    it('closes 48 hours after the traveller’s last message', async () => {
      const windows = await make();
      const u = user();
      await windows.open(u, t0, 'm1');
      expect((await windows.take(u, at(48 * hour - 1))).ok).toBe(true);
      expect(await windows.take(u, at(48 * hour))).toEqual({ ok: false, reason: 'closed' });
      expect(await windows.windowOf(u, at(48 * hour))).toBeNull();
    });

    it('opens a new window with a full quota when the traveller writes again, not when a push is retried or comes late', async () => {
      const windows = await make();
      const u = user();
      await windows.open(u, t0, 'm1');
      for (let i = 0; i < 5; i++) await windows.take(u, t0);
      await windows.open(u, t0, 'm1'); // WeChat's retry of the same message
      expect(await windows.take(u, t0)).toEqual({ ok: false, reason: 'exhausted' });
      await windows.open(u, t0, 'm2'); // another message in the same second
      expect((await windows.take(u, t0)).ok).toBe(true);
      await windows.open(u, at(-hour), 'm0'); // an older message handled late
      expect(await windows.windowOf(u, t0)).toMatchObject({ openedAt: t0, sent: 1 });
    });

    it('takes exactly the quota under concurrent sends', async () => {
      const windows = await make();
      const u = user();
      await windows.open(u, t0, 'm1');
      const taken = await Promise.all(Array.from({ length: 12 }, () => windows.take(u, t0)));
      expect(taken.filter((t) => t.ok)).toHaveLength(5);
    });

    it('gives back a message to its own window only', async () => {
      const windows = await make();
      const u = user();
      await windows.open(u, t0, 'm1');
      const first = await windows.take(u, t0);
      if (!first.ok) throw new Error('expected a message');
      await windows.giveBack(u, first.window);
      expect(await windows.windowOf(u, t0)).toMatchObject({ sent: 0 });
      const again = await windows.take(u, t0);
      await windows.open(u, at(1_000), 'm2');
      if (again.ok) await windows.giveBack(u, again.window); // that window is gone: nothing changes
      await windows.take(u, at(1_000));
      expect(await windows.windowOf(u, at(1_000))).toMatchObject({ sent: 1, remaining: 4 });
    });

    it('believes WeChat: closed (45015) and used up (45047)', async () => {
      const windows = await make();
      const u = user();
      await windows.open(u, t0, 'm1');
      await windows.exhaust(u);
      expect(await windows.take(u, t0)).toEqual({ ok: false, reason: 'exhausted' });
      await windows.close(u);
      expect(await windows.take(u, t0)).toEqual({ ok: false, reason: 'closed' });
      await windows.exhaust(u); // no window: nothing to use up
      expect(await windows.windowOf(u, t0)).toBeNull();
    });
  });
}

/** What every replay guard must do. */
export function replayGuardContract(name: string, make: () => Promise<ReplayGuard>): void {
  describe(`ReplayGuard: ${name}`, () => {
    it('takes a key once until released', async () => {
      const guard = await make();
      const key = `1732154400:${Math.random()}`;
      expect(await guard.claim(key, 60_000)).toBe(true);
      expect(await guard.claim(key, 60_000)).toBe(false);
      await guard.release(key);
      expect(await guard.claim(key, 60_000)).toBe(true);
    });

    it('takes exactly one of concurrent claims', async () => {
      const guard = await make();
      const key = `1732154400:${Math.random()}`;
      const claims = await Promise.all(Array.from({ length: 10 }, () => guard.claim(key, 60_000)));
      expect(claims.filter(Boolean)).toHaveLength(1);
    });
  });
}
