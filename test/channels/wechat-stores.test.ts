import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { MemoryReplayGuard } from '../../adapters/wechat/official-account/memory-replay-guard.ts';
import { MemoryServiceWindows } from '../../adapters/wechat/official-account/memory-service-windows.ts';
import { RedisReplayGuard } from '../../adapters/wechat/official-account/redis-replay-guard.ts';
import { RedisServiceWindows } from '../../adapters/wechat/official-account/redis-service-windows.ts';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import { replayGuardContract, serviceWindowsContract } from '../contracts/service-windows.contract.ts';
import { OfficialAccountApp } from '../support/official-account-app.ts';
import { redisForTests, redisReachable, redisUrl, uniqueName } from '../support/services.ts';

serviceWindowsContract('memory', async () => new MemoryServiceWindows());
replayGuardContract('memory', async () => new MemoryReplayGuard(new ManualClock()));

describe('MemoryReplayGuard', () => {
  it('forgets a claim once its time is up', async () => {
    const clock = new ManualClock();
    const guard = new MemoryReplayGuard(clock);
    expect(await guard.claim('a', 1_000)).toBe(true);
    clock.advance(1_000);
    expect(await guard.claim('a', 1_000)).toBe(true);
  });
});

const up = await redisReachable();
const prefix = uniqueName('tripcare_wechat_test');

describe.skipIf(!up)(`WeChat stores in Redis (${redisUrl})`, () => {
  const client = redisForTests(prefix);

  serviceWindowsContract('redis', async () => new RedisServiceWindows(client(), { prefix }));
  replayGuardContract('redis', async () => new RedisReplayGuard(client(), { prefix }));

  it('lets a window’s key expire with the window', async () => {
    const windows = new RedisServiceWindows(client(), { prefix });
    await windows.open('oExpiring', new Date(), 'm1');
    const ttl = await client().pttl(`${prefix}:wechat:window:oExpiring`);
    expect(ttl).toBeGreaterThan(48 * 3600_000 - 5_000);
    expect(ttl).toBeLessThanOrEqual(48 * 3600_000);
  });

  it('keeps the Official Account’s windows and replay claims there when REDIS_URL is set', async () => {
    const oa = await new OfficialAccountApp({ env: { REDIS_URL: redisUrl, REDIS_PREFIX: prefix } }).start();
    try {
      const traveller = 'oRedisTraveller_000000000001';
      await oa.wechat.push(oa.text(traveller, '酒店房间太脏了'), { nonce: '99' });
      await oa.wechat.sentCount(1);
      expect(await client().hget(`${prefix}:wechat:window:${traveller}`, 'sent')).toBe('1');
      expect(await client().exists(`${prefix}:wechat:nonce:${Math.floor(oa.clock.now().getTime() / 1000)}:99`)).toBe(1);
    } finally {
      await oa.close();
    }
  });

  it('forgets a claim once its time is up', async () => {
    const guard = new RedisReplayGuard(client(), { prefix });
    expect(await guard.claim('b', 30)).toBe(true);
    await sleep(60);
    expect(await guard.claim('b', 30)).toBe(true);
  });
});
