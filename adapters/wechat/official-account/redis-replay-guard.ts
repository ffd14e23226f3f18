import type { Redis } from 'ioredis';
import type { ReplayGuard } from './replay-guard.ts';

/** Claims under `SET NX PX`, shared by every `web` process. The Redis client is the caller's to close. */
export class RedisReplayGuard implements ReplayGuard {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, options: { prefix?: string } = {}) {
    this.#redis = redis;
    this.#prefix = `${options.prefix ?? 'tripcare'}:wechat:nonce`;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    return (await this.#redis.set(`${this.#prefix}:${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
  }

  async release(key: string): Promise<void> {
    await this.#redis.del(`${this.#prefix}:${key}`);
  }
}
