/**
 * Remembers the signed requests already taken (by timestamp and nonce) for as long as
 * their timestamp is fresh, so a captured request cannot be played again.
 *
 * ```ts
 * if (!(await guard.claim(`${timestamp}:${nonce}`, 5 * 60_000))) return reply(403);
 * // …and if WeChat must retry this request: await guard.release(key)
 * ```
 */
export interface ReplayGuard {
  /** True the first time `key` is claimed within `ttlMs`; false for a replay. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Forgets a claim, so WeChat's retry of a request we failed is taken. */
  release(key: string): Promise<void>;
}
