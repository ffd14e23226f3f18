import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { RateLimiter, RateLimits, RateRule } from '../../ports/rate-limits.ts';
import { FlexibleLimiter } from '../flexible-limiter.ts';

export interface RedisRateLimitsOptions {
  /** Starts every key. Default `tripcare`. */
  prefix?: string;
}

/**
 * Limits counted in Redis, so every `web` process shares them. While Redis is away each
 * process counts in its own memory instead: limits stay on, and a request is never failed for it.
 */
export class RedisRateLimits implements RateLimits {
  readonly #redis: Redis;
  readonly #prefix: string;

  /** `redis` stays the caller's. */
  constructor(redis: Redis, options: RedisRateLimitsOptions = {}) {
    this.#redis = redis;
    this.#prefix = options.prefix ?? 'tripcare';
  }

  limiter(name: string, { points, seconds }: RateRule): RateLimiter {
    const keyPrefix = `${this.#prefix}:limit:${name}`;
    return new FlexibleLimiter(new RateLimiterRedis({
      storeClient: this.#redis,
      keyPrefix,
      points,
      duration: seconds,
      // Not ready (connecting, or down): straight to memory, rather than waiting in ioredis's offline queue.
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: seconds }),
    }));
  }
}
