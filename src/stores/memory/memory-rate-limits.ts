import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { RateLimiter, RateLimits, RateRule } from '../../ports/rate-limits.ts';
import { FlexibleLimiter } from '../flexible-limiter.ts';

/** Limits counted in this process: right for `tripcare start`, where it is the only one. */
export class MemoryRateLimits implements RateLimits {
  readonly #limiters = new Map<string, RateLimiter>();

  limiter(name: string, { points, seconds }: RateRule): RateLimiter {
    // One per name, as Redis keys them: asked for twice, a name counts once.
    let limiter = this.#limiters.get(name);
    if (!limiter) {
      limiter = new FlexibleLimiter(new RateLimiterMemory({ keyPrefix: name, points, duration: seconds }));
      this.#limiters.set(name, limiter);
    }
    return limiter;
  }
}
