import type { Redis } from 'ioredis';
import { StateShapeError, upgradeState } from '../../conversation/migrations.ts';
import type { ConversationState } from '../../conversation/state.ts';
import { StaleStateError } from '../../ports/conversation-store.ts';
import type { ConversationStore } from '../../ports/conversation-store.ts';
import { LuaScript } from './lua-script.ts';

export interface RedisConversationStoreOptions {
  /** Starts every key, so several deployments (or test files) can share one Redis. Default `tripcare`. */
  prefix?: string;
  /** A conversation untouched this long is forgotten. Refreshed on every write. Default 30 days. */
  ttlSeconds?: number;
}

const thirtyDays = 30 * 24 * 3600;

// KEYS: the state. ARGV: the revision read, the next state's JSON (its revision first), the TTL.
// Sets only when the stored revision is the one read (0 when absent, or stored before revisions); 1 set, 0 refused.
const fencedSet = new LuaScript(`local stored = redis.call('GET', KEYS[1])
local revision = 0
if stored then revision = tonumber(string.match(stored, '^{"revision":(%d+),')) or 0 end
if revision ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
return 1`);

/**
 * Conversation state in Redis, one JSON string per conversation, so every
 * `web` process sees the same state. The Redis client is the caller's to close.
 */
export class RedisConversationStore implements ConversationStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #ttlSeconds: number;

  constructor(redis: Redis, options: RedisConversationStoreOptions = {}) {
    this.#redis = redis;
    this.#prefix = `${options.prefix ?? 'tripcare'}:conversation:`;
    this.#ttlSeconds = options.ttlSeconds ?? thirtyDays;
  }

  async read(key: string): Promise<ConversationState | undefined> {
    const json = await this.#redis.get(this.#prefix + key);
    return json === null ? undefined : parseState(key, json);
  }

  async write(key: string, state: ConversationState): Promise<ConversationState> {
    const { revision, ...rest } = state;
    const written = { revision: revision + 1, ...rest }; // revision first: the script reads it without parsing the rest
    const set = await fencedSet.run(this.#redis, [this.#prefix + key], [revision, JSON.stringify(written), this.#ttlSeconds]);
    if (Number(set) !== 1) throw new StaleStateError();
    return written;
  }

  async delete(key: string): Promise<void> {
    await this.#redis.del(this.#prefix + key);
  }
}

/**
 * Parses a stored state, brought to today's shape (migrations.ts): a state written weeks ago by an
 * older tripcare reads as one written now, and anything else fails here, naming the key.
 */
function parseState(key: string, json: string): ConversationState {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error(`conversation state under ${key} is not JSON`);
  }
  try {
    return upgradeState(value);
  } catch (e) {
    if (e instanceof StateShapeError) throw new Error(`conversation state under ${key}: ${e.message}`);
    throw e;
  }
}
