import type { Redis } from 'ioredis';
import { LuaScript } from '../../../src/stores/redis/lua-script.ts';
import type { ServiceWindow, ServiceWindows, Taken, WindowRules } from './service-windows.ts';
import { describeWindow, wechatWindowRules } from './service-windows.ts';

export interface RedisServiceWindowsOptions {
  /** Starts every key. Default `tripcare`. */
  prefix?: string;
  rules?: WindowRules;
}

// A window is a hash {openedAt, sent, by} that expires when the window closes.
// KEYS: window. ARGV: at, length, interaction. Another interaction, not older, starts a new
// window. The key outlives the window by the time `at` lay in the past: harmless, as `take` checks the time.
const openScript = new LuaScript(`local w = redis.call('HMGET', KEYS[1], 'openedAt', 'by')
if w[2] == ARGV[3] or tonumber(ARGV[1]) < tonumber(w[1] or '-1') then return 0 end
redis.call('HSET', KEYS[1], 'openedAt', ARGV[1], 'sent', 0, 'by', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`);

// ARGV: now, length, quota. Returns {0} closed, {1} exhausted, {2, by} taken.
const takeScript = new LuaScript(`local w = redis.call('HMGET', KEYS[1], 'openedAt', 'sent', 'by')
if not w[1] or tonumber(ARGV[1]) >= tonumber(w[1]) + tonumber(ARGV[2]) then return {0} end
if tonumber(w[2]) >= tonumber(ARGV[3]) then return {1} end
redis.call('HINCRBY', KEYS[1], 'sent', 1)
return {2, w[3]}`);

// ARGV: the window (its interaction) the message was taken from.
const giveBackScript = new LuaScript(`local w = redis.call('HMGET', KEYS[1], 'by', 'sent')
if w[1] == ARGV[1] and tonumber(w[2]) > 0 then redis.call('HINCRBY', KEYS[1], 'sent', -1) end
return 0`);

// ARGV: quota.
const exhaustScript = new LuaScript(`if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'sent', ARGV[1]) end
return 0`);

/**
 * Windows in Redis, shared by every `web` and `worker` process; each key expires
 * with its window. Times come from the callers (the app's clock). The Redis
 * client is the caller's to close.
 */
export class RedisServiceWindows implements ServiceWindows {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #rules: WindowRules;

  constructor(redis: Redis, options: RedisServiceWindowsOptions = {}) {
    this.#redis = redis;
    this.#prefix = `${options.prefix ?? 'tripcare'}:wechat:window`;
    this.#rules = options.rules ?? wechatWindowRules;
  }

  async open(openId: string, at: Date, interaction: string): Promise<void> {
    await openScript.run(this.#redis, [this.#key(openId)], [at.getTime(), this.#rules.lengthMs, interaction]);
  }

  async take(openId: string, now: Date): Promise<Taken> {
    const [outcome, window] = (await takeScript.run(this.#redis, [this.#key(openId)], [now.getTime(), this.#rules.lengthMs, this.#rules.quota])) as [number, string?];
    if (outcome === 2) return { ok: true, window: window ?? '' };
    return { ok: false, reason: outcome === 1 ? 'exhausted' : 'closed' };
  }

  async giveBack(openId: string, window: string): Promise<void> {
    await giveBackScript.run(this.#redis, [this.#key(openId)], [window]);
  }

  async close(openId: string): Promise<void> {
    await this.#redis.del(this.#key(openId));
  }

  async exhaust(openId: string): Promise<void> {
    await exhaustScript.run(this.#redis, [this.#key(openId)], [this.#rules.quota]);
  }

  async windowOf(openId: string, now: Date): Promise<ServiceWindow | null> {
    const [openedAt, sent] = await this.#redis.hmget(this.#key(openId), 'openedAt', 'sent');
    return openedAt ? describeWindow(Number(openedAt), Number(sent ?? 0), now, this.#rules) : null;
  }

  #key(openId: string): string {
    return `${this.#prefix}:${openId}`;
  }
}
