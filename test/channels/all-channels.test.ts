import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelStarters } from '../../adapters/index.ts';
import type { RunningChannel } from '../../adapters/channel.ts';
import { createApp, memoryParts } from '../../src/app.ts';
import type { App } from '../../src/app.ts';
import { SystemClock } from '../../src/clock/system-clock.ts';
import { loadConfig } from '../../src/config.ts';
import { HttpServer } from '../../src/http/server.ts';
import { catalogues } from '../../src/i18n/render.ts';
import { createLogger } from '../../src/log.ts';
import type { CaseRecord } from '../../src/ports/case-register.ts';
import { FakeWechat } from '../support/fake-wechat.ts';
import { policy } from '../support/harness.ts';
import { account, appId } from '../support/official-account-app.ts';
import { TelegramUser, botToken, startEmulator } from '../support/telegram-emulator.ts';
import { webchatSecret } from '../support/webchat.ts';

const en = catalogues.en;
const complaint = 'The hotel room was filthy and there was no hot water at all!';
const person = 'I want to talk to a real person';

/** Waits until `count()` stops growing for a moment, having grown at least once. */
async function settled(count: () => number | Promise<number>, before: number, quietMs = 200, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await count();
  while (last <= before && Date.now() < deadline) {
    await sleep(20);
    last = await count();
  }
  for (let quietSince = Date.now(); Date.now() - quietSince < quietMs && Date.now() < deadline;) {
    await sleep(20);
    const now = await count();
    if (now !== last) [last, quietSince] = [now, Date.now()];
  }
}

describe('one conversation on each channel at the same time', () => {
  let app: App<ReturnType<typeof memoryParts>>;
  let http: HttpServer;
  let channels: RunningChannel[];
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let wechat: FakeWechat;
  let base: string;
  const cases: CaseRecord[] = [];

  beforeAll(async () => {
    emulator = await startEmulator();
    wechat = new FakeWechat({ appId, appSecret: 'the-app-secret', token: 'tripcareToken', now: () => new Date() });
    const apiBase = await wechat.listen();
    const config = loadConfig({
      BURST_WINDOW_MS: '0', DEFAULT_LOCALE: 'en',
      TELEGRAM_BOT_TOKEN: botToken, TELEGRAM_API_ROOT: emulator.apiRoot, TELEGRAM_MODE: 'polling',
      WECHAT_PUPPET: 'official-account', WECHAT_OA_APP_ID: appId, WECHAT_OA_APP_SECRET: 'the-app-secret', WECHAT_OA_TOKEN: 'tripcareToken', WECHAT_OA_API_BASE: apiBase,
      WEBCHAT_SECRET: webchatSecret,
    });
    const log = createLogger('silent');
    const clock = new SystemClock();
    app = createApp({ config, parts: memoryParts(clock, log), policy, clock, log });
    app.engine.work();
    app.engine.on('case', (c) => cases.push(c));
    http = new HttpServer(log);
    channels = (await Promise.all(channelStarters.map((start) => start({ app, http, config, log, clock, role: 'start' })))).filter((c) => c !== null);
    base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
    wechat.appUrl = base;
  });

  afterAll(async () => {
    await http.close();
    await app.engine.drain();
    await Promise.all(channels.map((c) => c.close()));
    await app.close();
    await wechat.close();
    await emulator.server.stop();
  });

  it('runs every channel from one server, and keeps the conversations apart', async () => {
    expect(channels.map((c) => c.channel).sort()).toEqual(['telegram', 'webchat', 'wechat']);

    const onTelegram = async () => {
      const user = new TelegramUser(emulator, app, { userId: 2001 });
      const say = async (act: () => Promise<unknown>) => {
        const before = user.received.length;
        await act();
        await settled(async () => (await user.unread(), user.received.length), before);
      };
      await say(() => user.client.sendMessage(user.client.makeMessage(complaint, { from: { language_code: 'en' } })));
      await say(async () => user.press('skip'));
      await say(() => user.client.sendMessage(user.client.makeMessage(person, { from: { language_code: 'en' } })));
      return user.received.map((m) => m.message.text);
    };

    const onWechat = async () => {
      const openId = 'oTraveller000000000000000001';
      let msgId = 5_000;
      const push = async (content: string) => {
        const before = wechat.messages.length;
        const time = Math.floor(Date.now() / 1000);
        const answer = await wechat.push({ ToUserName: account, FromUserName: openId, CreateTime: time, MsgType: 'text', Content: content, MsgId: ++msgId });
        expect(answer.status).toBe(200);
        await settled(() => wechat.messages.length, before);
      };
      await push(complaint);
      await push('1'); // the numbered choice: "1. I don't know"
      await push(person);
      return wechat.messages.filter((m) => m.touser === openId).map((m) => m.content);
    };

    const onWebchat = async () => {
      const post = (path: string, body: unknown, token?: string) => fetch(`${base}${path}`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body),
      });
      const { token } = (await (await post('/api/webchat/token', { locale: 'en' })).json()) as { token: string };
      const conversation = (await (await post('/v3/directline/conversations', {}, token)).json()) as { conversationId: string; token: string };
      const botTexts = async () => {
        const res = await fetch(`${base}/v3/directline/conversations/${conversation.conversationId}/activities`, { headers: { authorization: `Bearer ${conversation.token}` } });
        const { activities } = (await res.json()) as { activities: { from: { role?: string }; text?: string; suggestedActions?: { actions: { value: string }[] } }[] };
        return activities.filter((a) => a.from.role === 'bot');
      };
      const say = async (text: string) => {
        const before = (await botTexts()).length;
        const res = await post(`/v3/directline/conversations/${conversation.conversationId}/activities`, {
          type: 'message', from: { id: 'traveller-3', role: 'user' }, text, locale: 'en-US', channelData: { clientActivityID: `c-${Math.random()}` },
        }, conversation.token);
        expect(res.status).toBe(200);
        await settled(async () => (await botTexts()).length, before);
      };
      await say(complaint);
      const offered = (await botTexts()).at(-1)?.suggestedActions?.actions.map((a) => a.value);
      expect(offered).toEqual([en['choice.dont_know']]);
      await say(en['choice.dont_know']); // pressing an imBack button says its label
      await say(person);
      return (await botTexts()).map((a) => a.text);
    };

    const [telegram, wechatTexts, webchat] = await Promise.all([onTelegram(), onWechat(), onWebchat()]);
    for (const [name, texts] of Object.entries({ telegram, wechat: wechatTexts, webchat })) {
      expect(texts[0], name).toContain(en['ask.tour']); // WeChat adds the choices as numbered lines
      expect(texts[1], name).toContain(en['ask.when']);
      expect(texts[2], name).toContain(en['handoff.asked_for_person'].slice(0, 20));
      expect(texts, name).toHaveLength(3);
    }
    expect(cases.map((c) => c.channel).sort()).toEqual(['telegram', 'webchat', 'wechat']);
    expect(cases.every((c) => c.status === 'handed_off' && c.category === 'accommodation')).toBe(true);
    expect(new Set(cases.map((c) => c.id)).size).toBe(3);
  }, 60_000);
});
