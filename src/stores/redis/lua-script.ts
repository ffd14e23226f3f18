import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A Lua script Redis runs atomically, sent by its SHA1 and sent whole only
 * when Redis does not know it (first use, a restart, SCRIPT FLUSH).
 */
export class LuaScript {
  readonly #source: string;
  readonly #sha: string;

  constructor(source: string) {
    this.#source = source;
    this.#sha = createHash('sha1').update(source).digest('hex');
  }

  /** Loads the script ahead of use, so the first calls keep the order they were made in. */
  async load(redis: Redis): Promise<void> {
    await redis.script('LOAD', this.#source);
  }

  async run(redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.#sha, keys.length, ...keys, ...args);
    } catch (e) {
      if (!(e instanceof Error && e.message.startsWith('NOSCRIPT'))) throw e;
      return redis.eval(this.#source, keys.length, ...keys, ...args);
    }
  }
}

/** Lua that sets `now` to Redis's own clock in ms, so processes with skewed clocks agree on leases. */
export const luaNowMs = "local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)";
