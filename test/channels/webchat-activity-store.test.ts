import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { ActivityStore } from '../../adapters/webchat/activity-store.ts';
import { MemoryActivityStore } from '../../adapters/webchat/memory-activity-store.ts';
import { RedisActivityStore } from '../../adapters/webchat/redis-activity-store.ts';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import { activityStoreContract } from '../contracts/activity-store.contract.ts';
import { redisForTests, redisReachable, redisUrl, uniqueName } from '../support/services.ts';

describe('memory activity store', () => {
  // One backing for the suite, as one process's memory is for its stores.
  const clock = new ManualClock(new Date('2026-11-21T02:00:00Z'));
  const shared = new MemoryActivityStore(clock);
  activityStoreContract('memory', {
    make: async (limits) => (limits ? new MemoryActivityStore(clock, limits) : withClose(shared, async () => {})),
  });

  it('forgets a conversation its time after it was last used, and the least recently used past the cap', async () => {
    const store = new MemoryActivityStore(clock, { ttlSeconds: 60, maxConversations: 2 });
    await store.open('a', { kind: 'directline', locale: 'en' });
    clock.advance(59_000);
    await store.append('a', { type: 'typing', timestamp: '', channelId: 'directline', conversation: { id: 'a' }, from: { id: 'u', role: 'user' } });
    clock.advance(59_000);
    expect(await store.origin('a')).toBeDefined();
    clock.advance(1_000);
    expect(await store.origin('a')).toBeUndefined();
    for (const id of ['b', 'c', 'd']) await store.open(id, { kind: 'directline', locale: 'en' });
    expect([await store.origin('b'), await store.origin('c'), await store.origin('d')].map(Boolean)).toEqual([false, true, true]);
  });
});

const up = await redisReachable();
describe.skipIf(!up)(`redis activity store (${redisUrl})`, () => {
  const prefix = uniqueName('tripcare_webchat');
  const client = redisForTests(prefix);

  // Each store its own connections, as each process has: appends by one reach the watchers of another.
  activityStoreContract('redis', {
    make: async (limits) => {
      const connection = new Redis(redisUrl);
      const store = new RedisActivityStore(connection, { prefix, ...limits });
      return withClose(store, async () => {
        await store.close();
        await connection.quit();
      });
    },
  });

  it('forgets a conversation 30 days after it was last used', async () => {
    const store = new RedisActivityStore(client(), { prefix });
    await store.open('ttl-conversation', { kind: 'directline', locale: 'en' });
    await store.append('ttl-conversation', { type: 'typing', timestamp: '', channelId: 'directline', conversation: { id: 'ttl-conversation' }, from: { id: 'u', role: 'user' } });
    for (const key of ['origin', 'seq', 'log']) {
      const ttl = await client().ttl(`${prefix}:webchat:{ttl-conversation}:${key}`);
      expect(ttl, key).toBeGreaterThan(30 * 24 * 3600 - 5);
    }
    await store.close();
  });
});

/** `store` with another close: its methods bound, since they use private fields. */
function withClose(store: ActivityStore, close: () => Promise<void>): ActivityStore {
  return new Proxy(store, {
    get: (target, key) => {
      if (key === 'close') return close;
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
