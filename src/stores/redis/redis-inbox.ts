import type { Redis } from 'ioredis';
import type { InboundMessage } from '../../conversation/messages.ts';
import type { Logger } from '../../log.ts';
import { journalId } from '../../ports/inbox.ts';
import type { Acceptance, Inbox, MessageRef } from '../../ports/inbox.ts';
import { LuaScript } from './lua-script.ts';

export interface RedisInboxOptions {
  /** Starts every key. Default `tripcare`. */
  prefix?: string;
  /** How long a message id is remembered as seen, so repeats are dropped across restarts. Default 7 days. */
  seenTtlSeconds?: number;
  log?: Logger;
}

const sevenDays = 7 * 24 * 3600;

// KEYS: seen, open (hash id → message JSON), order (zset id → acceptance number), counter.
// ARGV: id, message JSON, seen TTL. SET NX decides: of concurrent deliveries one is new.
// Returns 1 new, 2 seen and still open (unfinished), 0 seen and done.
const acceptScript = new LuaScript(`if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[3]) then
  if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 2 end
  return 0
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[3], redis.call('INCR', KEYS[4]), ARGV[1])
return 1`);
// KEYS: open, order, failures, dead (hash id → message JSON), dead order (zset). ARGV: id.
// Moves an open message aside in one step, so no process sees it both open and dead.
const deadLetterScript = new LuaScript(`local json = redis.call('HGET', KEYS[1], ARGV[1])
if not json then return 0 end
redis.call('HSET', KEYS[4], ARGV[1], json)
redis.call('ZADD', KEYS[5], redis.call('ZSCORE', KEYS[2], ARGV[1]) or 0, ARGV[1])
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
return 1`);
const acceptances: Record<number, Acceptance> = { 0: 'done', 1: 'new', 2: 'unfinished' };

/**
 * The journal of inbound messages in Redis: seen ids under `SET NX EX` (so a
 * channel's retries are dropped whichever process gets them, and after a restart),
 * and messages not yet done in a hash kept in acceptance order. The Redis client is
 * the caller's to close. Unfinished messages are those of every process.
 */
export class RedisInbox implements Inbox {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #seenTtlSeconds: number;
  readonly #log: Logger | undefined;

  constructor(redis: Redis, options: RedisInboxOptions = {}) {
    this.#redis = redis;
    this.#prefix = `${options.prefix ?? 'tripcare'}:inbox`;
    this.#seenTtlSeconds = options.seenTtlSeconds ?? sevenDays;
    this.#log = options.log;
  }

  async accept(message: InboundMessage): Promise<Acceptance> {
    const id = journalId(message);
    const keys = [`${this.#prefix}:seen:${id}`, `${this.#prefix}:open`, `${this.#prefix}:order`, `${this.#prefix}:counter`];
    return acceptances[Number(await acceptScript.run(this.#redis, keys, [id, JSON.stringify(message), this.#seenTtlSeconds]))] ?? 'done';
  }

  async done(message: MessageRef): Promise<void> {
    const id = journalId(message);
    await this.#redis.multi().hdel(`${this.#prefix}:open`, id).zrem(`${this.#prefix}:order`, id).hdel(`${this.#prefix}:failures`, id).exec();
  }

  async failed(message: InboundMessage): Promise<number> {
    return this.#redis.hincrby(`${this.#prefix}:failures`, journalId(message), 1);
  }

  async deadLetter(message: InboundMessage): Promise<void> {
    const keys = [`${this.#prefix}:open`, `${this.#prefix}:order`, `${this.#prefix}:failures`, `${this.#prefix}:dead`, `${this.#prefix}:dead-order`];
    await deadLetterScript.run(this.#redis, keys, [journalId(message)]);
  }

  async deadLetters(): Promise<InboundMessage[]> {
    const ids = await this.#redis.zrange(`${this.#prefix}:dead-order`, 0, '-1');
    if (ids.length === 0) return [];
    const jsons = await this.#redis.hmget(`${this.#prefix}:dead`, ...ids);
    return jsons.map((json) => (json === null ? undefined : parseMessage(json))).filter((m) => m !== undefined);
  }

  async unfinished(): Promise<InboundMessage[]> {
    const ids = await this.#redis.zrange(`${this.#prefix}:order`, 0, '-1');
    if (ids.length === 0) return [];
    const jsons = await this.#redis.hmget(`${this.#prefix}:open`, ...ids);
    const messages: InboundMessage[] = [];
    jsons.forEach((json, i) => {
      if (json === null) return; // done between the two reads
      const message = parseMessage(json);
      if (message) messages.push(message);
      // Recovery must not stop at one bad entry; its journal id is logged, never its text.
      else this.#log?.warn('inbox.unreadable', { id: ids[i] ?? null });
    });
    return messages;
  }
}


/** A journalled message as the engine needs it: the fields it routes by, and `receivedAt` as a Date again. */
function parseMessage(json: string): InboundMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  const v = value as Partial<Record<keyof InboundMessage, unknown>> | null;
  if (typeof v !== 'object' || v === null) return undefined;
  const receivedAt = typeof v.receivedAt === 'string' ? new Date(v.receivedAt) : undefined;
  if (typeof v.channel !== 'string' || typeof v.conversationId !== 'string' || typeof v.messageId !== 'string'
    || typeof v.text !== 'string' || !Array.isArray(v.attachments) || !receivedAt || Number.isNaN(receivedAt.getTime())) return undefined;
  return { ...(value as InboundMessage), receivedAt };
}
