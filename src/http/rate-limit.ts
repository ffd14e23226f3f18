export interface RateLimitOptions {
  /** Requests one source may make at once. */
  burst: number;
  /** Requests a second one source may keep making. */
  perSecond: number;
  /** Sources remembered; the least recently seen are forgotten first. Default 10,000. */
  maxSources?: number;
}

/** A token bucket per source (e.g. IP address). */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #options: Required<RateLimitOptions>;
  readonly #now: () => number;

  constructor(options: RateLimitOptions, now: () => number = Date.now) {
    this.#options = { maxSources: 10_000, ...options };
    this.#now = now;
  }

  /** Takes one request's token; false when the source is over its rate. */
  take(source: string): boolean {
    const now = this.#now();
    const { burst, perSecond, maxSources } = this.#options;
    const bucket = this.#buckets.get(source) ?? { tokens: burst, at: now };
    const tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    this.#buckets.delete(source); // re-inserted last: the map stays in order of use
    this.#buckets.set(source, { tokens: Math.max(0, tokens - 1), at: now });
    if (this.#buckets.size > maxSources) this.#buckets.delete(this.#buckets.keys().next().value as string);
    return tokens >= 1;
  }
}
