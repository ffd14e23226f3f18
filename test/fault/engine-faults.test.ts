import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/conversation/messages.ts';
import { Child } from '../support/child.ts';
import type { ChildMessage } from '../support/child.ts';
import { dropTestData, postgresReachable, postgresUrl, redisReachable, redisUrl, uniqueName } from '../support/services.ts';
import { freePort } from '../support/tcp-fault.ts';

const ready = (await redisReachable()) && (await postgresReachable());

const message = (conversationId: string, messageId: string, text: string): InboundMessage => ({
  channel: 'webchat', conversationId, senderId: conversationId, senderRole: 'traveller', messageId, text, attachments: [], receivedAt: new Date(),
});

/** Every message of `type` a child sends until `count` have come. */
async function collect(child: Child, type: string, count: number, timeoutMs = 20_000): Promise<ChildMessage[]> {
  const got: ChildMessage[] = [];
  while (got.length < count) got.push(await child.next(type, timeoutMs));
  return got;
}

/** Proves nothing more of `type` comes within `ms`. */
async function nothingMore(child: Child, type: string, ms = 700): Promise<void> {
  await expect(child.next(type, ms)).rejects.toThrow(`no '${type}'`);
}

describe.runIf(ready)('engine processes on Redis + PostgreSQL under faults', () => {
  const prefix = uniqueName('tripcare-fault');
  const schema = uniqueName('tripcare_fault');
  const env = { REDIS_URL: redisUrl, DATABASE_URL: postgresUrl, REDIS_PREFIX: prefix, DATABASE_SCHEMA: schema };
  const children: Child[] = [];
  const start = async (extra: Record<string, string> = {}, env_ = env) => {
    const child = new Child('engine-child.ts', [], { ...env_, ...extra });
    children.push(child);
    await child.next('ready', 30_000);
    return child;
  };
  const transcript = async (conversationKey: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    const { rows } = await client.query(`SELECT sender, text FROM ${schema}.transcript_entries WHERE conversation_key = $1 ORDER BY seq`, [conversationKey]);
    await client.end();
    return rows as { sender: string; text: string }[];
  };

  afterAll(async () => {
    await Promise.all(children.map((c) => c.kill()));
    await dropTestData(prefix, schema);
  });

  it('finishes a turn killed while its reply was being sent, replying exactly once', async () => {
    const first = await start({ SLOW_SEND_MS: '10000' });
    first.send({ type: 'receive', message: message('kill-send', 'k1', 'I want to talk to a real person') });
    await first.next('sending');
    await first.kill('SIGKILL');

    const second = await start();
    const [sent] = await collect(second, 'sent', 1);
    expect(sent).toMatchObject({ conversationId: 'kill-send', turn: 1, step: 'handoff' });
    await nothingMore(second, 'sent');
    expect((await transcript('webchat:kill-send')).map((e) => e.sender)).toEqual(['traveller', 'bot']);
    await second.kill();
  }, 60_000);

  it('finishes a turn killed mid-thought, replying exactly once', async () => {
    const first = await start({ SLOW_UNDERSTAND_MS: '10000' });
    first.send({ type: 'receive', message: message('kill-turn', 't1', 'The hotel room was filthy and there was no hot water') });
    await first.next('understanding');
    await first.kill('SIGKILL');

    const second = await start();
    const [sent] = await collect(second, 'sent', 1);
    expect(sent).toMatchObject({ conversationId: 'kill-turn', turn: 1, step: 'listen' });
    await nothingMore(second, 'sent');
    await second.kill();
  }, 60_000);

  it('sends a turn of two replies killed between them again from the second, not the first', async () => {
    const first = await start({ SLOW_SEND_MS: '10000', SLOW_SEND_STEP: 'propose' });
    const turns: Pick<InboundMessage, 'text' | 'choice'>[] = [
      { text: 'The hotel room was filthy and there was no hot water at all!' }, { text: 'GZ-2611-A' }, { text: 'yesterday' }, { text: '2' },
      { text: '', choice: 'wants:compensation' },
    ];
    for (const [i, turn] of turns.entries()) {
      first.send({ type: 'receive', message: { ...message('kill-between', `b${i}`, ''), ...turn } });
      await first.next('sent');
    }
    // Confirming the story brings an apology, then a proposal: the kill comes while the proposal goes out.
    first.send({ type: 'receive', message: { ...message('kill-between', 'b-confirm', ''), choice: 'confirm' } });
    expect(await first.next('sent')).toMatchObject({ step: 'apologise' });
    while ((await first.next('sending')).step !== 'propose'); // every earlier reply said 'sending' too
    await first.kill('SIGKILL');

    const second = await start();
    const [sent] = await collect(second, 'sent', 1);
    expect(sent).toMatchObject({ conversationId: 'kill-between', step: 'propose' });
    await nothingMore(second, 'sent');
    await second.kill();
  }, 60_000);

  it('serialises one conversation across two processes receiving it at once, and drops duplicates', async () => {
    const [a, b] = [await start(), await start()];
    // After a handoff every message gets exactly one reply ("noted"), so replies count turns.
    const texts = ['I want to talk to a real person', ...Array.from({ length: 9 }, (_, i) => `one more thing, number ${i + 1}`)];
    texts.forEach((text, i) => {
      const m = message('two', `two-${i}`, text);
      a.send({ type: 'receive', message: m });
      b.send({ type: 'receive', message: m }); // the channel delivered it twice, to both
    });
    await Promise.all([collect(a, 'acked', 10), collect(b, 'acked', 10)]);
    await sleep(300);
    const sent: ChildMessage[] = [];
    for (const child of [a, b]) {
      for (;;) {
        const next = await child.next('sent', 300).catch(() => null);
        if (!next) break;
        sent.push(next);
      }
    }
    expect(sent.map((s) => s.turn).sort((x, y) => Number(x) - Number(y))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(sent.filter((s) => s.step === 'handoff')).toHaveLength(10);
    const said = await transcript('webchat:two');
    expect(said.filter((e) => e.sender === 'traveller')).toHaveLength(10);
    expect(said.filter((e) => e.sender === 'bot')).toHaveLength(10);
    await Promise.all([a.kill(), b.kill()]);
  }, 60_000);

  describe('when Redis restarts under load', () => {
    let dir: string;
    let port: number;
    let redisServer: ReturnType<typeof spawn> | undefined;
    const startRedis = async () => {
      redisServer = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''], { stdio: 'ignore' });
      for (let i = 0; i < 50; i++) {
        const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        probe.on('error', () => undefined); // refused while it starts: expected
        const up = await probe.connect().then(() => probe.ping()).then(() => true, () => false);
        probe.disconnect();
        if (up) return;
        await sleep(100);
      }
      throw new Error('redis-server did not start');
    };

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'tripcare-redis-'));
      port = await freePort();
      await startRedis();
    });

    afterAll(async () => {
      redisServer?.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    });

    it('loses nothing, repeats nothing and keeps each conversation in order', async () => {
      const child = await start({}, { ...env, REDIS_URL: `redis://127.0.0.1:${port}` });
      const conversations = ['r0', 'r1', 'r2'];
      const script = ['The hotel room was filthy', 'GZ-2611-A', 'yesterday', '2', 'I want a refund', 'hello?', 'still there?', 'ok'];
      const acked = new Set<string>();
      let down = false;
      let up = false;
      const ackedWhile = { before: 0, after: 0 };
      let firstAck!: () => void;
      const someHandled = new Promise<void>((resolve) => { firstAck = resolve; });
      child.process.on('message', (m: ChildMessage) => {
        if (m.type !== 'acked') return;
        acked.add(String(m.id));
        firstAck();
        if (!down) ackedWhile.before++;
        if (up) ackedWhile.after++;
      });
      const deliver = async (m: InboundMessage) => {
        // A channel retries until the message is acknowledged, as WeChat and Telegram do.
        for (let attempt = 0; !acked.has(m.messageId) && attempt < 100; attempt++) {
          child.send({ type: 'receive', message: m });
          for (let waited = 0; waited < 2_000 && !acked.has(m.messageId); waited += 50) await sleep(50);
        }
      };
      const restart = (async () => {
        await someHandled; // the first reply can be slow (the model loads); cut Redis mid-load, not before it
        await sleep(150);
        down = true;
        const admin = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 0, retryStrategy: () => null });
        admin.on('error', () => undefined);
        await admin.call('SHUTDOWN').catch(() => undefined); // fsyncs the AOF, then exits
        admin.disconnect();
        await sleep(500);
        await startRedis();
        up = true;
      })();
      await Promise.all(conversations.map(async (c) => {
        for (const [i, text] of script.entries()) {
          await deliver(message(c, `${c}-${i}`, text));
          await sleep(60); // a traveller's pace: the load spans the restart
        }
      }));
      await restart;
      expect(acked.size).toBe(conversations.length * script.length);
      expect(ackedWhile.before, 'messages handled before Redis went down').toBeGreaterThan(0);
      expect(ackedWhile.after, 'messages handled after it came back').toBeGreaterThan(0);

      const sent = await collect(child, 'sent', conversations.length * script.length, 30_000);
      for (let more = await child.next('sent', 1_000).catch(() => null); more; more = await child.next('sent', 1_000).catch(() => null)) sent.push(more);
      for (const c of conversations) {
        const mine = sent.filter((s) => s.conversationId === c);
        expect(new Set(mine.map((s) => s.turn)), `${c}: a turn for every message`).toEqual(new Set(script.map((_, i) => i + 1)));
        const said = await transcript(`webchat:${c}`);
        expect(said.filter((e) => e.sender === 'traveller').map((e) => e.text), `${c}: in order`).toEqual(script);
        expect(said.filter((e) => e.sender === 'bot').map((e) => e.text), `${c}: each reply once`).toEqual(mine.map((s) => s.text));
      }
      await child.kill();
    }, 90_000);
  });
});
