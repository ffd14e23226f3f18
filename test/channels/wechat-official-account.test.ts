import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { webhookRule } from '../../adapters/wechat/official-account/start-official-account.ts';
import { WechatQuotaError, WechatWindowClosedError } from '../../adapters/wechat/index.ts';
import type { OutboundMessage } from '../../src/conversation/messages.ts';
import { catalogues } from '../../src/i18n/render.ts';
import { LearnedUnderstanding } from '../../src/understanding/learned/index.ts';
import { OfficialAccountApp } from '../support/official-account-app.ts';

const words = catalogues['zh-CN'];
const traveller = 'oTraveller_0123456789abcdefgh';

let oa: OfficialAccountApp;
afterEach(() => oa?.close());

const staffMessage = (text: string): OutboundMessage => ({ channel: 'wechat', conversationId: traveller, text, choices: [], step: 'handoff', turn: 1, id: '1.0' });

describe.each([
  { mode: 'plain', safe: false },
  { mode: 'safe (AES)', safe: true },
])('the Official Account in $mode mode', ({ safe }) => {
  it('takes a complaint end to end: signed pushes in, customer-service messages out', async () => {
    oa = await new OfficialAccountApp({ safe }).start();
    const { wechat } = oa;
    const answer = await wechat.push(oa.text(traveller, '酒店房间太脏了，而且一直没有热水！'));
    expect(answer).toMatchObject({ status: 200, body: 'success' });
    expect(await wechat.sentCount(1)).toEqual([{ touser: traveller, content: `${words['ask.tour']}\n1. ${words['choice.dont_know']}`, accessToken: 'ACCESS_TOKEN_1' }]);

    for (const text of ['GZ-2611-A', '昨天', '2']) await wechat.push(oa.text(traveller, text));
    const asked = (await wechat.sentCount(4))[3]!.content;
    expect(asked).toBe([words['ask.wants'], `1. ${words['wants.compensation']}`, `2. ${words['wants.fix']}`, `3. ${words['wants.apology']}`].join('\n'));

    await wechat.push(oa.text(traveller, '1')); // a choice, typed by number
    expect((await wechat.sentCount(5))[4]!.content).toContain(words['choice.correct_yes']);
    expect((await oa.conversation(traveller))?.complaint.facts.wants?.value).toEqual({ kind: 'compensation' });
    expect(wechat.tokenRequests).toHaveLength(1); // the token is kept
    expect(wechat.stray).toEqual([]);
  });

  it('answers the URL verification with the echo', async () => {
    oa = await new OfficialAccountApp({ safe }).start();
    expect(await oa.wechat.verifyUrl('1234567890123456789')).toMatchObject({ status: 200, body: '1234567890123456789' });
    expect(await oa.wechat.verifyUrl('1234567890123456789', { forgeSignature: true })).toMatchObject({ status: 401, body: '' });
  });
});

describe('the Official Account: media and events', () => {
  it('keeps photos, voice, video and locations as attachments and acknowledges each through the engine', async () => {
    oa = await new OfficialAccountApp({ safe: true }).start();
    const { wechat } = oa;
    await wechat.push(oa.text(traveller, '酒店房间太脏了'));
    await wechat.push({ ...oa.header(traveller, 'image'), PicUrl: 'http://mmbiz.qpic.cn/photo', MediaId: 'media_photo_1', MsgId: oa.nextMsgId() });
    await wechat.push({ ...oa.header(traveller, 'voice'), MediaId: 'media_voice_1', Format: 'amr', MsgId: oa.nextMsgId() });
    await wechat.push({ ...oa.header(traveller, 'video'), MediaId: 'media_video_1', ThumbMediaId: 'thumb_1', MsgId: oa.nextMsgId() });
    await wechat.push({ ...oa.header(traveller, 'location'), Location_X: '23.134521', Location_Y: '113.358803', Scale: 20, Label: '广州市天河区', MsgId: oa.nextMsgId() });
    await wechat.push(oa.text(traveller, '【收到不支持的消息类型，暂无法显示】')); // what WeChat sends for a sticker
    const sent = (await wechat.sentCount(6)).map((m) => m.content);
    expect(sent[1]).toMatch(new RegExp(`^${words['notice.kept']}`));
    expect(sent[2]).toMatch(new RegExp(`^${words['notice.voice']}`));
    expect(sent[5]).toMatch(new RegExp(`^${words['notice.sticker']}`));
    expect((await oa.conversation(traveller))?.complaint.facts.attachments).toEqual([
      { kind: 'image', ref: 'media_photo_1' },
      { kind: 'voice', ref: 'media_voice_1' },
      { kind: 'video', ref: 'media_video_1' },
      { kind: 'location', ref: '23.134521,113.358803' },
      { kind: 'sticker', ref: expect.stringMatching(/^2470\d+$/) },
    ]);
  });

  it('starts no conversation when someone follows the account, but opens their window; unfollowing closes it', async () => {
    oa = await new OfficialAccountApp().start();
    const subscribe = await oa.wechat.push({ ...oa.header(traveller, 'event'), Event: 'subscribe', EventKey: '' });
    expect(subscribe).toMatchObject({ status: 200, body: 'success' });
    await sleep(50);
    expect(oa.wechat.messages).toEqual([]);
    expect(await oa.conversation(traveller)).toBeUndefined();
    expect(await oa.running.windowOf!(traveller)).toMatchObject({ sent: 0, remaining: 5 });
    await oa.wechat.push({ ...oa.header(traveller, 'event'), Event: 'unsubscribe' });
    expect(await oa.running.windowOf!(traveller)).toBeNull();
  });
});

describe('the Official Account: retries and slow turns', () => {
  it('answers a retried MsgId without handling it twice', async () => {
    oa = await new OfficialAccountApp().start();
    const push = oa.text(traveller, '酒店房间太脏了');
    const answers = await Promise.all([oa.wechat.push(push), oa.wechat.push(push)]); // a retry while the first is under way
    answers.push(await oa.wechat.push(push)); // and one after
    expect(answers.map((a) => [a.status, a.body])).toEqual([[200, 'success'], [200, 'success'], [200, 'success']]);
    await sleep(100);
    expect(oa.wechat.messages).toHaveLength(1);
  });

  it('answers WeChat within 5 s while a slow turn runs, and replies through the customer-service API when it ends', async () => {
    const rules = new LearnedUnderstanding();
    oa = await new OfficialAccountApp({
      understanding: { understand: async (text, context) => (await sleep(5_000), rules.understand(text, context)) },
    }).start();
    const started = performance.now();
    const answer = await oa.wechat.push(oa.text(traveller, '酒店房间太脏了'));
    expect(answer).toMatchObject({ status: 200, body: 'success' });
    expect(answer.ms).toBeGreaterThan(3_900);
    expect(answer.ms).toBeLessThan(4_500);
    expect(oa.wechat.messages).toEqual([]);
    await oa.wechat.sentCount(1);
    expect(performance.now() - started).toBeGreaterThan(5_000);
  });

  it('answers 500 when the message could not be taken, and WeChat’s retry finishes the turn once', async () => {
    let failures = 1;
    oa = await new OfficialAccountApp({
      parts: (parts) => {
        const write = parts.store.write.bind(parts.store);
        parts.store.write = async (key, state) => {
          if (failures-- > 0) throw new Error('store unavailable');
          return write(key, state);
        };
      },
    }).start();
    const push = oa.text(traveller, '酒店房间太脏了');
    expect(await oa.wechat.push(push)).toMatchObject({ status: 500 });
    expect(await oa.wechat.push(push)).toMatchObject({ status: 200, body: 'success' });
    await sleep(100);
    expect(oa.wechat.messages).toHaveLength(1);
  });
});

describe('the Official Account: the 48-hour window and the quota', () => {
  it('sends staff messages within the quota and refuses the sixth itself (45047)', async () => {
    oa = await new OfficialAccountApp().start();
    await oa.wechat.push(oa.text(traveller, '酒店房间太脏了'));
    await oa.wechat.sentCount(1);
    expect(await oa.running.windowOf!(traveller)).toMatchObject({ sent: 1, remaining: 4 });
    for (let i = 0; i < 4; i++) await oa.app.router.send(staffMessage(`消息 ${i}`));
    await expect(oa.app.router.send(staffMessage('第六条'))).rejects.toThrow(WechatQuotaError);
    expect(oa.wechat.messages).toHaveLength(5); // the sixth never reached WeChat
    await oa.wechat.push(oa.text(traveller, '还有一件事')); // they wrote again: a new window, a full quota
    await oa.wechat.sentCount(6);
    expect(await oa.running.windowOf!(traveller)).toMatchObject({ remaining: 4 });
  });

  it('refuses to send once 48 hours have passed since the traveller last wrote (45015)', async () => {
    oa = await new OfficialAccountApp().start();
    await expect(oa.app.router.send(staffMessage('您好'))).rejects.toThrow(WechatWindowClosedError); // never wrote
    await oa.wechat.push(oa.text(traveller, '酒店房间太脏了'));
    await oa.wechat.sentCount(1);
    oa.clock.advance(47 * 3600_000);
    await oa.app.router.send(staffMessage('还在处理中'));
    oa.clock.advance(3600_000);
    await expect(oa.app.router.send(staffMessage('处理好了'))).rejects.toThrow(WechatWindowClosedError);
    expect(oa.wechat.messages).toHaveLength(2);
    expect(await oa.running.windowOf!(traveller)).toBeNull();
  });

  it('surfaces WeChat’s own 45015 and 45047 as typed errors and believes them', async () => {
    oa = await new OfficialAccountApp().start();
    await oa.wechat.push(oa.text(traveller, '酒店房间太脏了'));
    await oa.wechat.sentCount(1);
    oa.wechat.sendErrors.push(45047);
    await expect(oa.app.router.send(staffMessage('一'))).rejects.toMatchObject({ name: 'WechatQuotaError', errcode: 45047 });
    expect(await oa.running.windowOf!(traveller)).toMatchObject({ remaining: 0 });
    await oa.wechat.push(oa.text(traveller, '好的'));
    await oa.wechat.sentCount(2);
    oa.wechat.sendErrors.push(45015);
    await expect(oa.app.router.send(staffMessage('二'))).rejects.toMatchObject({ name: 'WechatWindowClosedError', errcode: 45015 });
    expect(await oa.running.windowOf!(traveller)).toBeNull();
  });

  it('gives back the quota of a message WeChat refused for another reason', async () => {
    oa = await new OfficialAccountApp().start();
    await oa.wechat.push(oa.text(traveller, '酒店房间太脏了'));
    await oa.wechat.sentCount(1);
    oa.wechat.sendErrors.push(45002); // content too long
    await expect(oa.app.router.send(staffMessage('长'))).rejects.toMatchObject({ name: 'WechatApiError', errcode: 45002 });
    expect(await oa.running.windowOf!(traveller)).toMatchObject({ sent: 1, remaining: 4 });
  });
});

describe('the Official Account: roles and the puppet', () => {
  it('in a worker, sends but takes no pushes', async () => {
    oa = await new OfficialAccountApp({ role: 'worker' }).start();
    expect((await oa.wechat.push(oa.text(traveller, '酒店房间太脏了'))).status).toBe(404);
    await expect(oa.app.router.send(staffMessage('您好'))).rejects.toThrow(WechatWindowClosedError); // it did reach the messenger
  });

  it('tells WeChat to come back once closing', async () => {
    oa = await new OfficialAccountApp().start();
    await oa.running.close();
    expect((await oa.wechat.push(oa.text(traveller, '酒店房间太脏了'))).status).toBe(503);
  });

  it('limits each source address (429 with Retry-After), before looking at the signature', async () => {
    oa = await new OfficialAccountApp().start();
    const statuses = [];
    let last = new Response();
    for (let i = 0; i <= webhookRule.points; i++) {
      last = await fetch(`${oa.wechat.appUrl}/wechat?echostr=1`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(last.headers.get('retry-after'))).toBeLessThanOrEqual(webhookRule.seconds);
  });

  it('says clearly what the Official Account puppet does not do', async () => {
    oa = await new OfficialAccountApp().start();
    await expect(oa.running.puppet.roomList()).rejects.toThrow(/roomList is not supported/);
    await expect(oa.running.puppet.messageSendFile(traveller, {} as never)).rejects.toMatchObject({ name: 'PuppetNotSupportedError' });
  });
});

describe('the Official Account: access token', () => {
  it('gets a new token when WeChat says the old one is no longer valid (40001), and retries the send once', async () => {
    oa = await new OfficialAccountApp().start();
    await oa.wechat.push(oa.text(traveller, '酒店房间太脏了'));
    await oa.wechat.sentCount(1);
    oa.wechat.revokeTokens();
    await oa.app.router.send(staffMessage('您好'));
    expect(oa.wechat.messages.map((m) => m.accessToken)).toEqual(['ACCESS_TOKEN_1', 'ACCESS_TOKEN_2']);
  });

  it('renews the token before it expires', async () => {
    oa = await new OfficialAccountApp().start();
    await oa.wechat.push(oa.text(traveller, '酒店房间太脏了'));
    await oa.wechat.sentCount(1);
    oa.clock.advance(7200_000 - 6 * 60_000);
    await oa.app.router.send(staffMessage('一'));
    oa.clock.advance(2 * 60_000); // within 5 minutes of expiry
    await oa.app.router.send(staffMessage('二'));
    expect(oa.wechat.messages.map((m) => m.accessToken)).toEqual(['ACCESS_TOKEN_1', 'ACCESS_TOKEN_1', 'ACCESS_TOKEN_2']);
    expect(oa.wechat.tokenRequests).toEqual([{ appid: 'wx1234567890abcdef', secret: 'the-app-secret' }, { appid: 'wx1234567890abcdef', secret: 'the-app-secret' }]);
  });
});
