import { RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimiter, RateVerdict } from '../ports/rate-limits.ts';

/** A `rate-limiter-flexible` limiter (memory or Redis) as the port's: a refusal is an answer, not an exception. */
export class FlexibleLimiter implements RateLimiter {
  readonly #limiter: RateLimiterAbstract;

  constructor(limiter: RateLimiterAbstract) {
    this.#limiter = limiter;
  }

  async take(key: string): Promise<RateVerdict> {
    try {
      return { allowed: true, left: (await this.#limiter.consume(key)).remainingPoints };
    } catch (e) {
      // The library rejects with the key's state when it is over; anything else is a real failure.
      if (e instanceof RateLimiterRes) return { allowed: false, retryAfterMs: e.msBeforeNext };
      throw e;
    }
  }

  async peek(key: string): Promise<RateVerdict> {
    const state = await this.#limiter.get(key);
    if (!state) return { allowed: true, left: this.#limiter.points };
    if (state.remainingPoints > 0) return { allowed: true, left: state.remainingPoints };
    return { allowed: false, retryAfterMs: state.msBeforeNext };
  }

  async forget(key: string): Promise<void> {
    await this.#limiter.delete(key);
  }
}
