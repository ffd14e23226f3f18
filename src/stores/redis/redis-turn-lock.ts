import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../../log.ts';
import { errorFields } from '../../log.ts';
import type { TurnLock } from '../../ports/conversation-store.ts';
import { errorLog } from '../service-errors.ts';
import { LuaScript, luaNowMs } from './lua-script.ts';
import { closeRedis, redisAddress } from './redis-connection.ts';

export interface RedisTurnLockOptions {
  /** Starts every key and the channel that tells the next in line. Default `tripcare`. */
  prefix?: string;
  /**
   * How long a place in line (waiting or running) lasts unless renewed. Renewed every
   * third of it while the process lives, so only a dead process loses its place. Default 5 s:
   * a crashed process holds up its conversations no longer than that.
   */
  leaseMs?: number;
  /** Longest a waiter sleeps between looks at the line when it hears no release. Default 1 s. */
  recheckMs?: number;
  log?: Logger;
}

/**
 * Per key, two structures with one hash tag (one cluster slot):
 * `queue`, a list of waiters' tokens in arrival order, its head the holder; and
 * `leases`, a sorted set of token → lease end (ms, Redis clock).
 */
interface LineKeys {
  queue: string;
  leases: string;
}

// ARGV: token, leaseMs, join ('1' the first time). Returns -1 when the token is first in
// line (it holds the key), -2 when it is not in line (its lease ran out), else ms until
// the head's lease ends. Heads whose lease ended are dropped: their process died.
const acquireScript = new LuaScript(`${luaNowMs}
local lease = tonumber(ARGV[2])
if ARGV[3] == '1' then
  redis.call('RPUSH', KEYS[1], ARGV[1])
  redis.call('ZADD', KEYS[2], now + lease, ARGV[1])
elseif not redis.call('ZSCORE', KEYS[2], ARGV[1]) then
  redis.call('LREM', KEYS[1], 0, ARGV[1])
  return -2
end
redis.call('PEXPIRE', KEYS[1], lease * 2)
redis.call('PEXPIRE', KEYS[2], lease * 2)
while true do
  local head = redis.call('LINDEX', KEYS[1], 0)
  if not head then return -2 end
  if head == ARGV[1] then
    redis.call('ZADD', KEYS[2], now + lease, ARGV[1])
    return -1
  end
  local ends = tonumber(redis.call('ZSCORE', KEYS[2], head) or 0)
  if ends > now then return ends - now end
  redis.call('LPOP', KEYS[1])
  redis.call('ZREM', KEYS[2], head)
end`);

// ARGV: token, leaseMs. Returns 0 when the token's place was already given up.
const renewScript = new LuaScript(`if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then return 0 end
${luaNowMs}
local lease = tonumber(ARGV[2])
redis.call('ZADD', KEYS[2], now + lease, ARGV[1])
redis.call('PEXPIRE', KEYS[1], lease * 2)
redis.call('PEXPIRE', KEYS[2], lease * 2)
return 1`);

// ARGV: token, channel. Compare-and-delete: a token leaves only its own place. When the
// holder leaves, the next in line (only it) is told, by its token.
const releaseScript = new LuaScript(`redis.call('ZREM', KEYS[2], ARGV[1])
if redis.call('LINDEX', KEYS[1], 0) == ARGV[1] then
  redis.call('LPOP', KEYS[1])
  local next = redis.call('LINDEX', KEYS[1], 0)
  if next then redis.call('PUBLISH', ARGV[2], next) end
  return 1
end
redis.call('LREM', KEYS[1], 0, ARGV[1])
return 0`);

/**
 * Serialises turns per conversation across processes, in the order they reached Redis:
 * each turn joins a line (RPUSH) and runs when it is first. A release is published to
 * the next in line, so it starts at once; waiters also look again every `recheckMs`, which
 * is how they notice a holder whose process died (its lease ends and it is dropped).
 *
 * ```ts
 * const lock = new RedisTurnLock(redis, { prefix: 'tripcare' });
 * await lock.withLock('telegram:42', async () => { ... });
 * await lock.close();
 * ```
 *
 * A lease cannot stop a turn that outlives it (a process frozen longer than `leaseMs`):
 * that is logged as `turn_lock.lease_lost`, and turns should be safe to run again.
 */
export class RedisTurnLock implements TurnLock {
  readonly #redis: Redis;
  readonly #subscriber: Redis;
  readonly #prefix: string;
  readonly #channel: string;
  readonly #leaseMs: number;
  readonly #recheckMs: number;
  readonly #log: Logger | undefined;
  /** Wake-ups of this process's waiters, by token. */
  readonly #waiters = new Map<string, () => void>();
  #ready: Promise<void> | undefined;

  /** `redis` stays the caller's; the lock opens (and closes) one more connection to hear releases. */
  constructor(redis: Redis, options: RedisTurnLockOptions = {}) {
    this.#redis = redis;
    this.#prefix = options.prefix ?? 'tripcare';
    this.#channel = `${this.#prefix}:turn:next`;
    this.#leaseMs = options.leaseMs ?? 5_000;
    this.#recheckMs = options.recheckMs ?? 1_000;
    this.#log = options.log;
    this.#subscriber = redis.duplicate({ lazyConnect: true });
    this.#subscriber.on('message', (_channel: string, token: string) => this.#waiters.get(token)?.());
    this.#subscriber.on('error', this.#log ? errorLog(this.#log, 'turn_lock.subscriber_error', redisAddress(redis)) : () => {});
  }

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    await this.#whenReady();
    const keys = this.#keys(key);
    const token = randomUUID();
    const place = { holding: false };
    const renewal = setInterval(() => void this.#renew(keys, token, place), this.#leaseMs / 3);
    try {
      await this.#waitForTurn(keys, token);
      place.holding = true;
      return await fn();
    } finally {
      clearInterval(renewal);
      // A release that fails (Redis away) is not the turn's failure: the lease ends by itself.
      await releaseScript.run(this.#redis, [keys.queue, keys.leases], [token, this.#channel])
        .catch((e: unknown) => this.#log?.warn('turn_lock.release_failed', errorFields(e)));
    }
  }

  /** Closes the connection that hears releases. */
  async close(): Promise<void> {
    await closeRedis(this.#subscriber);
  }

  #keys(key: string): LineKeys {
    const base = `${this.#prefix}:turn:{${key}}`;
    return { queue: `${base}:queue`, leases: `${base}:leases` };
  }

  /** Subscribes and loads the scripts once; tried again on the next turn if Redis was away. */
  #whenReady(): Promise<void> {
    this.#ready ??= (async () => {
      if (this.#subscriber.status === 'wait') await this.#subscriber.connect();
      await this.#subscriber.subscribe(this.#channel);
      for (const script of [acquireScript, renewScript, releaseScript]) await script.load(this.#redis);
    })().catch((e: unknown) => {
      this.#ready = undefined;
      throw e;
    });
    return this.#ready;
  }

  async #waitForTurn(keys: LineKeys, token: string): Promise<void> {
    let join = true;
    for (;;) {
      // Listen before looking, so a release between the look and the sleep is not missed.
      const release = this.#listen(token);
      try {
        const answer = Number(await acquireScript.run(this.#redis, [keys.queue, keys.leases], [token, this.#leaseMs, join ? '1' : '0']));
        if (answer === -1) return;
        if (answer === -2) {
          // Lost its place (frozen longer than the lease while waiting): join again at the end.
          this.#log?.warn('turn_lock.rejoined', {});
          join = true;
          continue;
        }
        join = false;
        await release.heardWithin(Math.min(answer, this.#recheckMs));
      } finally {
        release.stop();
      }
    }
  }

  async #renew(keys: LineKeys, token: string, place: { holding: boolean }): Promise<void> {
    try {
      const renewed = Number(await renewScript.run(this.#redis, [keys.queue, keys.leases], [token, this.#leaseMs]));
      if (renewed === 0 && place.holding) this.#log?.warn('turn_lock.lease_lost', {});
    } catch (e) {
      this.#log?.warn('turn_lock.renew_failed', errorFields(e));
    }
  }

  #listen(token: string): { heardWithin(ms: number): Promise<void>; stop(): void } {
    let wake = () => {};
    const heard = new Promise<void>((resolve) => (wake = resolve));
    this.#waiters.set(token, wake);
    return {
      async heardWithin(ms) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([heard, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
        clearTimeout(timer);
      },
      stop: () => this.#waiters.delete(token),
    };
  }
}
