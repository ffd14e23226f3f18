import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wechatSignature } from '../../adapters/wechat/official-account/signature.ts';
import { wechatXml } from '../support/fake-wechat.ts';
import { OfficialAccountApp } from '../support/official-account-app.ts';

const traveller = 'oTraveller_hostile_000000001';

/** Nothing refused may reach the engine: no conversation, no customer-service message. */
async function expectUntouched(oa: OfficialAccountApp, openId = traveller) {
  await sleep(30);
  expect(await oa.conversation(openId)).toBeUndefined();
  expect(oa.wechat.messages.filter((m) => m.touser === openId)).toEqual([]);
}

describe.each([
  { mode: 'plain', safe: false },
  { mode: 'safe', safe: true },
])('hostile and odd input to /wechat ($mode mode)', ({ safe }) => {
  let oa: OfficialAccountApp;
  beforeAll(async () => {
    oa = await new OfficialAccountApp({ safe }).start();
  });
  afterAll(() => oa.close());

  it('refuses a forged signature', async () => {
    expect(await oa.wechat.push(oa.text(traveller, '退款'), { forgeSignature: true })).toMatchObject({ status: 401, body: '' });
    await expectUntouched(oa);
  });

  it('refuses a request with no signature at all', async () => {
    expect((await oa.wechat.request('POST', '/wechat', wechatXml(oa.text(traveller, '退款')))).status).toBe(401);
    expect((await oa.wechat.request('GET', '/wechat?echostr=1')).status).toBe(401);
    await expectUntouched(oa);
  });

  it('refuses a stale timestamp and one too far ahead', async () => {
    const now = Math.floor(oa.clock.now().getTime() / 1000);
    expect((await oa.wechat.push(oa.text(traveller, '退款'), { timestamp: now - 301 })).status).toBe(403);
    expect((await oa.wechat.push(oa.text(traveller, '退款'), { timestamp: now + 301 })).status).toBe(403);
    await expectUntouched(oa);
  });

  it('refuses a request played again (same timestamp and nonce), even with another body', async () => {
    const first = await oa.wechat.push(oa.text('oReplay_000000000000000000001', '你好'), { nonce: '424242' });
    expect(first.status).toBe(200);
    expect((await oa.wechat.push(oa.text(traveller, '退款'), { nonce: '424242' })).status).toBe(403);
    await expectUntouched(oa);
  });

  it('refuses malformed XML and keeps serving', async () => {
    for (const rawBody of ['<xml><ToUserName>', 'not xml at all', '', '<xml></xml>', wechatXml({ MsgType: 'text', Content: 'no sender' })]) {
      expect((await oa.wechat.push({ ToUserName: 'gh_agency000001' }, { rawBody })).status).toBe(400);
    }
    const ok = 'oStillWorks_00000000000000001';
    const before = oa.wechat.messages.length;
    expect(await oa.wechat.push(oa.text(ok, '酒店房间太脏了'))).toMatchObject({ status: 200, body: 'success' });
    await oa.wechat.sentCount(before + 1);
    expect(await oa.conversation(ok)).toBeDefined();
  });

  it('refuses XML with an external entity, and fetches nothing', async () => {
    const rawBody = `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY leak SYSTEM "${oa.wechat.appUrl.replace(/:\d+$/, '')}/leak">]>`
      + `<xml><ToUserName>gh_agency000001</ToUserName><FromUserName>${traveller}</FromUserName><CreateTime>1</CreateTime>`
      + `<MsgType>text</MsgType><Content>&leak;</Content><MsgId>1</MsgId></xml>`;
    expect((await oa.wechat.push({ ToUserName: 'gh_agency000001' }, { rawBody })).status).toBe(400);
    expect(oa.wechat.stray).toEqual([]);
    await expectUntouched(oa);
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const answer = await oa.wechat.push(oa.text(traveller, '长'.repeat(30_000)));
    expect(answer.status).toBe(413);
    await expectUntouched(oa);
  });

  if (safe) {
    it('refuses a wrong msg_signature', async () => {
      expect((await oa.wechat.push(oa.text(traveller, '退款'), { forgeMsgSignature: true })).status).toBe(401);
      await expectUntouched(oa);
    });

    it('refuses plain text: safe mode takes encrypted pushes only', async () => {
      expect((await oa.wechat.push(oa.text(traveller, '退款'), { plain: true })).status).toBe(400);
      await expectUntouched(oa);
    });

    it('refuses a message encrypted for another account', async () => {
      expect((await oa.wechat.push(oa.text(traveller, '退款'), { appId: 'wxanotheraccount00' })).status).toBe(400);
      await expectUntouched(oa);
    });
  } else {
    it('refuses an encrypted body it has no key for', async () => {
      const rawBody = wechatXml({ ToUserName: 'gh_agency000001', Encrypt: 'aGVsbG8=' });
      expect((await oa.wechat.push({}, { rawBody })).status).toBe(400);
    });
  }

  it('acknowledges what it does not read (a mini-program card) without a conversation', async () => {
    const answer = await oa.wechat.push({ ...oa.header(traveller, 'miniprogrampage'), Title: '小程序', MsgId: oa.nextMsgId() });
    expect(answer).toMatchObject({ status: 200, body: 'success' });
    await expectUntouched(oa);
  });

  it('answers the URL check only with a plain echo', async () => {
    const timestamp = String(Math.floor(oa.clock.now().getTime() / 1000));
    const signature = wechatSignature('tripcareToken', timestamp, '77');
    const answer = await oa.wechat.request('GET', `/wechat?${new URLSearchParams({ signature, timestamp, nonce: '77', echostr: '<script>alert(1)</script>' })}`);
    expect(answer.status).toBe(401); // not an echostr WeChat sends: nothing is reflected
  });
});
