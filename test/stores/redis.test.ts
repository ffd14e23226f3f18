import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newConversation } from '../../src/conversation/state.ts';
import { createLogger } from '../../src/log.ts';
import { openRedis } from '../../src/stores/redis/open-redis.ts';
import { RedisConversationStore } from '../../src/stores/redis/redis-conversation-store.ts';
import { RedisDeskFeed } from '../../src/stores/redis/redis-desk-feed.ts';
import { RedisInbox } from '../../src/stores/redis/redis-inbox.ts';
import { RedisRateLimits } from '../../src/stores/redis/redis-rate-limits.ts';
import { RedisTurnLock } from '../../src/stores/redis/redis-turn-lock.ts';
import { conversationStoreContract, turnLockContract } from '../contracts/conversation-store.contract.ts';
import { deskFeedContract } from '../contracts/desk-feed.contract.ts';
import { inboxContract } from '../contracts/inbox.contract.ts';
import { rateLimitsContract } from '../contracts/rate-limits.contract.ts';
import { Child } from '../support/child.ts';
import { deleteKeys, redisReachable, redisUrl, uniqueName } from '../support/services.ts';

const up = await redisReachable();
const prefix = uniqueName('tripcare_test');
let redis: Redis;
const locks: RedisTurnLock[] = [];
/** The connections of feeds standing for other processes. */
const feedConnections: Redis[] = [];
const newLock = (options: ConstructorParameters<typeof RedisTurnLock>[1] = {}) => {
  const lock = new RedisTurnLock(redis, { prefix, ...options });
  locks.push(lock);
  return lock;
};

const message = { channel: 'telegram' as const, conversationId: 'c1', senderId: 'u', senderRole: 'traveller' as const, messageId: 'm', text: 'hi', attachments: [], receivedAt: new Date(0) };

describe.skipIf(!up)(`Redis stores (${redisUrl})`, () => {
  beforeAll(() => {
    redis = new Redis(redisUrl);
  });
  afterAll(async () => {
    await Promise.all(locks.map((l) => l.close()));
    await Promise.all(feedConnections.map((c) => c.quit()));
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  conversationStoreContract('redis', async () => new RedisConversationStore(redis, { prefix }));
  turnLockContract('redis', async () => newLock());
  inboxContract('redis', async () => new RedisInbox(redis, { prefix }));
  deskFeedContract('redis', async () => new RedisDeskFeed(redis, { prefix }), {
    async elsewhere() {
      const own = new Redis(redisUrl);
      feedConnections.push(own);
      return new RedisDeskFeed(own, { prefix });
    },
    publishRaw: async (text) => void (await redis.publish(`${prefix}:desk`, text)),
  });

  rateLimitsContract('redis', async () => new RedisRateLimits(redis, { prefix }), async () => {
    const own = new Redis(redisUrl);
    feedConnections.push(own);
    await own.ping(); // until it is ready, limits count in memory
    return new RedisRateLimits(own, { prefix });
  });

  describe('RedisRateLimits', () => {
    it('counts in memory while Redis is away, so limits hold and nothing fails', async () => {
      const away = new Redis('redis://127.0.0.1:1', { lazyConnect: true });
      const limiter = new RedisRateLimits(away, { prefix }).limiter('away', { points: 2, seconds: 60 });
      const verdicts = [];
      for (let i = 0; i < 3; i++) verdicts.push((await limiter.take('k')).allowed);
      expect(verdicts).toEqual([true, true, false]);
      expect((await limiter.peek('k')).allowed).toBe(false);
      away.disconnect();
    });

    it('keeps its counts under the prefix, for no longer than the window', async () => {
      await new RedisRateLimits(redis, { prefix }).limiter('ttl', { points: 5, seconds: 60 }).take('203.0.113.7');
      const ttl = await redis.pttl(`${prefix}:limit:ttl:203.0.113.7`);
      expect(ttl).toBeGreaterThan(55_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
    });
  });

  describe('RedisConversationStore', () => {
    it('keeps a conversation 30 days from its last write', async () => {
      const store = new RedisConversationStore(redis, { prefix });
      const first = await store.write('ttl:1', newConversation(message));
      await redis.expire(`${prefix}:conversation:ttl:1`, 10);
      await store.write('ttl:1', first);
      const ttl = await redis.ttl(`${prefix}:conversation:ttl:1`);
      expect(ttl).toBeGreaterThan(30 * 24 * 3600 - 5);
      expect(ttl).toBeLessThanOrEqual(30 * 24 * 3600);
    });

    it('forgets a conversation when its time is up', async () => {
      const store = new RedisConversationStore(redis, { prefix, ttlSeconds: 1 });
      await store.write('ttl:2', newConversation(message));
      await redis.pexpire(`${prefix}:conversation:ttl:2`, 20);
      await sleep(40);
      expect(await store.read('ttl:2')).toBeUndefined();
    });

    it('refuses, clearly, a state that is not one', async () => {
      const store = new RedisConversationStore(redis, { prefix });
      await redis.set(`${prefix}:conversation:bad:1`, '{"turn":');
      await redis.set(`${prefix}:conversation:bad:2`, '{"turn":1}');
      await expect(store.read('bad:1')).rejects.toThrow('conversation state under bad:1 is not JSON');
      await expect(store.read('bad:2')).rejects.toThrow('bad:2: not a conversation state');
    });

    it('survives a dropped connection', async () => {
      const own = new Redis(redisUrl);
      const store = new RedisConversationStore(own, { prefix });
      await store.write('drop:1', newConversation(message));
      own.disconnect(true); // drops the socket; ioredis reconnects and replays queued commands
      expect((await store.read('drop:1'))?.complaint.step).toBe('listen');
      await own.quit();
    });
  });

  describe('RedisInbox', () => {
    it('remembers seen ids for 7 days, across restarts', async () => {
      const first = new RedisInbox(redis, { prefix });
      const m = { ...message, messageId: `seen-${Math.random()}` };
      expect(await first.accept(m)).toBe('new');
      await first.done(m);
      const own = new Redis(redisUrl);
      expect(await new RedisInbox(own, { prefix }).accept(m)).toBe('done');
      await own.quit();
      const ttl = await redis.ttl(`${prefix}:inbox:seen:telegram:${m.messageId}`);
      expect(ttl).toBeGreaterThan(7 * 24 * 3600 - 5);
    });

    it('passes over, without a warning, a message done while the unfinished ones were read; warns of one it cannot read', async () => {
      const lines: string[] = [];
      const own = `${prefix}_unfinished`;
      const inbox = new RedisInbox(redis, { prefix: own, log: createLogger('warn', { destination: (l) => lines.push(l) }) });
      const [doneMeanwhile, open, garbled] = ['a', 'b', 'c'].map((id) => ({ ...message, messageId: `unfinished-${id}` }));
      for (const m of [doneMeanwhile!, open!, garbled!]) await inbox.accept(m);
      await redis.hdel(`${own}:inbox:open`, `telegram:${doneMeanwhile!.messageId}`); // done() between unfinished()'s two reads
      await redis.hset(`${own}:inbox:open`, `telegram:${garbled!.messageId}`, '{"channel":');
      expect((await inbox.unfinished()).map((m) => m.messageId)).toEqual([open!.messageId]);
      expect(lines.filter((l) => l.includes('inbox.unreadable'))).toHaveLength(1);
    });
  });

  describe('RedisTurnLock across processes', () => {
    it('runs the turns of two processes one at a time, in arrival order', async () => {
      const children = [new Child('turn-lock-child.ts', [redisUrl, prefix, '30000']), new Child('turn-lock-child.ts', [redisUrl, prefix, '30000'])];
      try {
        await Promise.all(children.map((c) => c.next('ready')));
        const key = `x-${Math.random()}`;
        const turns = [0, 1, 2, 3, 4, 5];
        for (const turn of turns) {
          // Alternating processes; 15 ms apart, so each reaches Redis after the one before.
          children[turn % 2]!.send({ type: 'turn', key, turn, holdMs: 40 });
          await sleep(15);
        }
        await Promise.all(turns.map((turn) => children[turn % 2]!.next('done')));
        expect(await redis.lrange(`${prefix}:log`, 0, -1)).toEqual(turns.flatMap((t) => [`start ${t}`, `end ${t}`]));
      } finally {
        await Promise.all(children.map((c) => c.kill()));
      }
    });

    it('passes the key on within a lease when its holder and a waiter are SIGKILLed', async () => {
      const leaseMs = 600;
      const [holder, waiter] = [new Child('turn-lock-child.ts', [redisUrl, prefix, String(leaseMs)]), new Child('turn-lock-child.ts', [redisUrl, prefix, String(leaseMs)])];
      try {
        await Promise.all([holder.next('ready'), waiter.next('ready')]);
        const key = `dead-${Math.random()}`;
        holder.send({ type: 'hold', key });
        await holder.next('holding');
        waiter.send({ type: 'turn', key, turn: 99, holdMs: 0 });
        await sleep(50);
        const lock = newLock({ leaseMs });
        const ran = lock.withLock(key, async () => Date.now());
        await sleep(50);
        const killedAt = Date.now();
        await Promise.all([holder.kill(), waiter.kill()]);
        const waitedMs = (await ran) - killedAt;
        // The holder renewed at most leaseMs/3 before it died; the dead waiter is dropped at once.
        expect(waitedMs).toBeGreaterThan(leaseMs / 3);
        expect(waitedMs).toBeLessThan(leaseMs + 500);
      } finally {
        await Promise.all([holder.kill(), waiter.kill()]);
      }
    });

    it('still hands over when the connection that hears releases is cut', async () => {
      const own = new Redis(redisUrl, { connectionName: `${prefix}-cut` });
      const lock = new RedisTurnLock(own, { prefix, recheckMs: 200 });
      const key = `cut-${Math.random()}`;
      await lock.withLock(key, async () => {}); // subscribes
      const clients = (await redis.client('LIST')) as string;
      const subscriber = clients.split('\n').find((l) => l.includes(`name=${prefix}-cut`) && /sub=[1-9]/.test(l));
      await redis.client('KILL', 'ID', subscriber!.match(/id=(\d+)/)![1]!);
      const order: number[] = [];
      await Promise.all([1, 2, 3].map((n) => lock.withLock(key, async () => {
        order.push(n);
        await sleep(10);
      })));
      expect(order).toEqual([1, 2, 3]);
      await lock.close();
      await own.quit();
    });
  });

  it('opens every Redis part in one go, probes, and closes them all', async () => {
    const parts = openRedis(redisUrl, { log: createLogger('silent'), prefix: `${prefix}_open` });
    await parts.probe.check();
    await parts.conversations.write('k', newConversation(message));
    await parts.turnLock.withLock('k', async () => {});
    expect((await parts.limits.limiter('open', { points: 1, seconds: 60 }).take('k')).allowed).toBe(true);
    await parts.jobs.add('handoff', { caseId: 'TC-OPEN22' });
    expect((await parts.jobs.waiting('handoff')).map((j) => j.data)).toEqual([{ caseId: 'TC-OPEN22' }]);
    await parts.close();
  });
});
