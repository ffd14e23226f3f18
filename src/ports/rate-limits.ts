/** How much one key may do: `points` actions in a window of `seconds` that starts with its first. */
export interface RateRule {
  points: number;
  seconds: number;
}

/** Whether an action may go ahead: with how many are `left` in the window, or when to try again. */
export type RateVerdict = { allowed: true; left: number } | { allowed: false; retryAfterMs: number };

/** One named limit, counted per key: a client address, a staff member, an account name and address. */
export interface RateLimiter {
  /** Counts one action of `key`; refused once `key` has used up its points. */
  take(key: string): Promise<RateVerdict>;
  /** Whether `key` has points left, without counting one. */
  peek(key: string): Promise<RateVerdict>;
  /** Forgets what `key` has used. */
  forget(key: string): Promise<void>;
}

/**
 * Where limits are counted: in this process (`tripcare start`) or in Redis, where every
 * `web` process shares them. A name keeps one limit's counts apart from another's; asked
 * for again, the same name counts together. Give a name one rule.
 */
export interface RateLimits {
  limiter(name: string, rule: RateRule): RateLimiter;
}
