import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { RateLimits } from '../../src/ports/rate-limits.ts';

/** A name no earlier test used: limits that share a store (Redis) keep their counts. */
const fresh = (what: string) => `${what}-${Math.random().toString(36).slice(2)}`;

/**
 * What every store of rate limits must do. `elsewhere` stands for another process on the
 * same store: given, counts must be shared with it.
 */
export function rateLimitsContract(name: string, make: () => Promise<RateLimits>, elsewhere?: () => Promise<RateLimits>): void {
  describe(`RateLimits: ${name}`, () => {
    it('allows `points` actions per key, then refuses until the window ends', async () => {
      const limiter = (await make()).limiter(fresh('signin'), { points: 3, seconds: 60 });
      const verdicts = [];
      for (let i = 0; i < 4; i++) verdicts.push(await limiter.take('203.0.113.7'));
      expect(verdicts.slice(0, 3)).toEqual([{ allowed: true, left: 2 }, { allowed: true, left: 1 }, { allowed: true, left: 0 }]);
      expect(verdicts[3]).toEqual({ allowed: false, retryAfterMs: expect.any(Number) });
      const { retryAfterMs } = verdicts[3] as { retryAfterMs: number };
      expect(retryAfterMs).toBeGreaterThan(55_000);
      expect(retryAfterMs).toBeLessThanOrEqual(60_000);
      expect(await limiter.take('198.51.100.1')).toEqual({ allowed: true, left: 2 });
    });

    it('keeps the counts of differently named limits apart, and counts one name together', async () => {
      const limits = await make();
      const name = fresh('a');
      const [a, again, b] = [name, name, fresh('b')].map((n) => limits.limiter(n, { points: 1, seconds: 60 }));
      expect((await a!.take('k')).allowed).toBe(true);
      expect((await again!.take('k')).allowed).toBe(false);
      expect((await b!.take('k')).allowed).toBe(true);
    });

    it('peeks without counting, and forgets a key', async () => {
      const limiter = (await make()).limiter(fresh('backoff'), { points: 2, seconds: 60 });
      expect(await limiter.peek('mei|203.0.113.7')).toEqual({ allowed: true, left: 2 });
      await limiter.take('mei|203.0.113.7');
      expect(await limiter.peek('mei|203.0.113.7')).toEqual({ allowed: true, left: 1 });
      await limiter.take('mei|203.0.113.7');
      expect(await limiter.peek('mei|203.0.113.7')).toEqual({ allowed: false, retryAfterMs: expect.any(Number) });
      await limiter.forget('mei|203.0.113.7');
      expect(await limiter.peek('mei|203.0.113.7')).toEqual({ allowed: true, left: 2 });
      await limiter.forget('never-seen'); // harmless
    });

    it('allows exactly `points` of many concurrent actions', async () => {
      const limiter = (await make()).limiter(fresh('flood'), { points: 5, seconds: 60 });
      const verdicts = await Promise.all(Array.from({ length: 40 }, () => limiter.take('k')));
      expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    });

    it('allows again once the window has passed', async () => {
      const limiter = (await make()).limiter(fresh('window'), { points: 1, seconds: 1 });
      expect((await limiter.take('k')).allowed).toBe(true);
      expect((await limiter.take('k')).allowed).toBe(false);
      await sleep(1_100);
      expect((await limiter.take('k')).allowed).toBe(true);
    });

    it.runIf(elsewhere)('shares its counts with other processes', async () => {
      const named = fresh('shared');
      const here = (await make()).limiter(named, { points: 2, seconds: 60 });
      const there = (await elsewhere!()).limiter(named, { points: 2, seconds: 60 });
      expect((await here.take('k')).allowed).toBe(true);
      expect((await there.take('k')).allowed).toBe(true);
      expect((await here.take('k')).allowed).toBe(false);
      await there.forget('k');
      expect((await here.take('k')).allowed).toBe(true);
    });
  });
}
