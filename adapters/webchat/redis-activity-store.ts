import { Redis } from 'ioredis';
import { errorFields } from '../../src/log.ts';
import type { Logger } from '../../src/log.ts';
import { LuaScript } from '../../src/stores/redis/lua-script.ts';
import { closeRedis, commandRedisOptions } from '../../src/stores/redis/redis-connection.ts';
import { addressOf, errorLog } from '../../src/stores/service-errors.ts';
import { activityId, defaultLimits, newFileId, UnknownConversationError } from './activity-store.ts';
import type { ActivitySet, ActivityStore, ActivityStoreLimits, ConversationOrigin, DirectLineActivity, NewActivity, StoredFile } from './activity-store.ts';

export interface RedisActivityStoreOptions extends ActivityStoreLimits {
  /** Starts every key and channel. Default `tripcare`. */
  prefix?: string;
  log?: Logger;
}

// KEYS: origin, seq, log, once (hash key → seq). ARGV: activity JSON, max activities, ttl s, channel, once key ('' for none).
// Numbering and adding in one step, so a reader never sees seq n+1 before n; an append under a
// once key seen before adds nothing and answers the earlier seq, negated.
const appendScript = new LuaScript(`if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if ARGV[5] ~= '' then
  local earlier = redis.call('HGET', KEYS[4], ARGV[5])
  if earlier then return -tonumber(earlier) end
end
local seq = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[3], seq, seq .. ':' .. ARGV[1])
redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -(tonumber(ARGV[2]) + 1))
if ARGV[5] ~= '' then redis.call('HSET', KEYS[4], ARGV[5], seq) end
for i = 1, 4 do redis.call('EXPIRE', KEYS[i], ARGV[3]) end
redis.call('PUBLISH', ARGV[4], seq)
return seq`);

/**
 * The activity store of a scaled-out deployment. Per conversation (one hash tag):
 * `origin` (JSON), `seq` (the last number given) and `log`, a sorted set of
 * `seq:activity` scored by seq, and a hash per uploaded file; each append is published on the
 * conversation's channel.
 */
export class RedisActivityStore implements ActivityStore {
  readonly #redis: Redis;
  readonly #subscriber: Redis;
  readonly #prefix: string;
  readonly #maxActivities: number;
  readonly #ttlSeconds: number;
  /** Per channel: its listeners, and the subscription they wait for. */
  readonly #watchers = new Map<string, { listeners: Set<() => void>; subscribed: Promise<unknown> }>();

  /** `redis` stays the caller's to close; the store closes only its own subscriber. */
  constructor(redis: Redis, options: RedisActivityStoreOptions = {}) {
    this.#redis = redis;
    this.#prefix = options.prefix ?? 'tripcare';
    this.#maxActivities = options.maxActivities ?? defaultLimits.maxActivities;
    this.#ttlSeconds = options.ttlSeconds ?? defaultLimits.ttlSeconds;
    this.#subscriber = redis.duplicate({ lazyConnect: true });
    this.#subscriber.on('message', (channel: string) => {
      for (const listener of this.#watchers.get(channel)?.listeners ?? []) listener();
    });
    this.#subscriber.on('error', (e: unknown) => options.log?.warn('webchat.subscriber_error', errorFields(e)));
  }

  async open(conversationId: string, origin: ConversationOrigin): Promise<void> {
    const k = this.#keys(conversationId);
    await this.#redis.multi()
      .set(k.origin, JSON.stringify(origin), 'EX', this.#ttlSeconds)
      .expire(k.seq, this.#ttlSeconds)
      .expire(k.log, this.#ttlSeconds)
      .exec();
  }

  async origin(conversationId: string): Promise<ConversationOrigin | undefined> {
    const json = await this.#redis.get(this.#keys(conversationId).origin);
    return json === null ? undefined : (JSON.parse(json) as ConversationOrigin);
  }

  async append(conversationId: string, activity: NewActivity, once?: string): Promise<DirectLineActivity> {
    const k = this.#keys(conversationId);
    const args = [JSON.stringify(activity), this.#maxActivities, this.#ttlSeconds, k.channel, once ?? ''];
    const seq = Number(await appendScript.run(this.#redis, [k.origin, k.seq, k.log, k.once], args));
    if (seq === 0) throw new UnknownConversationError(`no web-chat conversation ${conversationId}`);
    if (seq > 0) return { ...structuredClone(activity), id: activityId(conversationId, seq) };
    const [earlier] = (await this.#redis.zrange(k.log, String(-seq), String(-seq), 'BYSCORE')).map((row) => JSON.parse(row.slice(row.indexOf(':') + 1)) as NewActivity);
    return { ...(earlier ?? structuredClone(activity)), id: activityId(conversationId, -seq) };
  }

  async since(conversationId: string, watermark: number): Promise<ActivitySet> {
    const rows = await this.#redis.zrange(this.#keys(conversationId).log, `(${watermark}`, '+inf', 'BYSCORE', 'LIMIT', 0, this.#maxActivities);
    let last = watermark;
    const activities = rows.map((row) => {
      const colon = row.indexOf(':');
      last = Number(row.slice(0, colon));
      return { ...(JSON.parse(row.slice(colon + 1)) as NewActivity), id: activityId(conversationId, last) };
    });
    return { activities, watermark: String(last) };
  }

  async putFile(conversationId: string, file: StoredFile): Promise<string> {
    const k = this.#keys(conversationId);
    if (!(await this.#redis.exists(k.origin))) throw new UnknownConversationError(`no web-chat conversation ${conversationId}`);
    const id = newFileId();
    await this.#redis.multi()
      .hset(`${k.files}${id}`, { contentType: file.contentType, name: file.name, bytes: file.bytes })
      .expire(`${k.files}${id}`, this.#ttlSeconds)
      .exec();
    return id;
  }

  async file(conversationId: string, fileId: string): Promise<StoredFile | undefined> {
    const kept = await this.#redis.hgetallBuffer(`${this.#keys(conversationId).files}${fileId}`);
    if (!kept.bytes || !kept.contentType || !kept.name) return undefined;
    return { contentType: kept.contentType.toString(), name: kept.name.toString(), bytes: kept.bytes };
  }

  async watch(conversationId: string, listener: () => void): Promise<() => Promise<void>> {
    const { channel } = this.#keys(conversationId);
    let watcher = this.#watchers.get(channel);
    if (!watcher) {
      watcher = { listeners: new Set(), subscribed: this.#subscribe(channel) };
      this.#watchers.set(channel, watcher);
    }
    watcher.listeners.add(listener);
    await watcher.subscribed;
    return async () => {
      const current = this.#watchers.get(channel);
      if (!current?.listeners.delete(listener) || current.listeners.size > 0) return;
      this.#watchers.delete(channel);
      await this.#subscriber.unsubscribe(channel);
    };
  }

  async close(): Promise<void> {
    this.#watchers.clear();
    await closeRedis(this.#subscriber);
  }

  async #subscribe(channel: string): Promise<void> {
    if (this.#subscriber.status === 'wait') await this.#subscriber.connect();
    await this.#subscriber.subscribe(channel);
  }

  #keys(conversationId: string) {
    const base = `${this.#prefix}:webchat:{${conversationId}}`;
    return { origin: `${base}:origin`, seq: `${base}:seq`, log: `${base}:log`, once: `${base}:once`, files: `${base}:file:`, channel: `${base}:appended` };
  }
}

/** A store on a connection of its own to `url`; `close` closes both. */
export function openRedisActivityStore(url: string, options: { prefix: string; connectTimeoutMs: number; log: Logger }): { store: ActivityStore; close(): Promise<void> } {
  const redis = new Redis(url, commandRedisOptions(options.connectTimeoutMs));
  redis.on('error', errorLog(options.log, 'webchat.redis_error', addressOf(url)));
  const store = new RedisActivityStore(redis, { prefix: options.prefix, log: options.log });
  return {
    store,
    async close() {
      await store.close();
      await closeRedis(redis);
    },
  };
}
