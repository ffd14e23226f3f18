import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteKeys, redisReachable, redisUrl, uniqueName } from '../support/services.ts';
import { StreamClient, WebchatServer } from '../support/webchat.ts';

const up = await redisReachable();

describe.skipIf(!up)(`web chat across processes, through Redis (${redisUrl})`, () => {
  const prefix = uniqueName('tc_webchat');
  const env = { REDIS_URL: redisUrl, REDIS_PREFIX: prefix };
  let web1: WebchatServer;
  let web2: WebchatServer;
  let worker: WebchatServer;
  beforeAll(async () => {
    [web1, web2, worker] = await Promise.all([WebchatServer.start({ env, role: 'web' }), WebchatServer.start({ env, role: 'web' }), WebchatServer.start({ env, role: 'worker' })]);
  });
  afterAll(async () => {
    await Promise.all([web1, web2, worker].map((s) => s?.close()));
    const redis = new Redis(redisUrl);
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it('streams to the traveller\'s WebSocket on one web process what another process sends', async () => {
    const c = await web1.newConversation();
    const stream = new StreamClient(c.streamUrl);
    await stream.opened;

    // The traveller's post lands on the other web process (a load balancer's choice)…
    await web2.say(c, 'The hotel room was filthy and there was no hot water at all!');
    await stream.until((all) => all.length >= 2);
    expect(stream.activities.map((a) => a.from.role)).toEqual(['user', 'bot']);

    // …and a staff reply or SLA reminder goes out from a worker.
    const started = performance.now();
    await worker.app.router.send({ id: '5:0', channel: 'webchat', conversationId: c.conversationId, text: 'A colleague here.', choices: [], step: 'handoff', turn: 5 });
    await stream.until((all) => all.length >= 3);
    const ms = performance.now() - started;
    expect(stream.activities[2]).toMatchObject({ text: 'A colleague here.', from: { role: 'bot' } });
    expect(ms).toBeLessThan(1_000);
    process.stderr.write(`  worker → Redis → web WebSocket: ${ms.toFixed(1)} ms\n`);
    stream.close();
  });
});
