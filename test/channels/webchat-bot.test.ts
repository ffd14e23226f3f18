import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { ClaimsIdentity } from 'botframework-connector';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundMessage, localeOf, replyActivity } from '../../adapters/webchat/activities.ts';
import { MemoryActivityStore } from '../../adapters/webchat/memory-activity-store.ts';
import { AllowListAuthentication, serviceUrlAllowList } from '../../adapters/webchat/service-urls.ts';
import { SystemClock } from '../../src/clock/system-clock.ts';
import { WebchatServer } from '../support/webchat.ts';

/** A server standing in for an attacker's or an internal host: it counts what reaches it. */
class Target {
  hits = 0;
  readonly server: Server = createServer((req, res) => {
    this.hits++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}');
  });

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const azureActivity = (serviceUrl: string) => ({
  type: 'message', id: 'a1', serviceUrl, channelId: 'msteams', text: 'hello',
  conversation: { id: 'azure-conversation-1' }, from: { id: 'user-1' }, recipient: { id: 'bot-1' },
});

/** A JWT signed with a key of our own, from an issuer Azure does not use. */
const forgedJwt = () => {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ iss: 'https://attacker.example', aud: 'app-id', serviceurl: 'x', exp: 9_999_999_999 })}`;
  return `${body}.${createHmac('sha256', 'k').update(body).digest('base64url')}`;
};

describe('web chat: no SSRF, and Azure traffic only with a verified JWT', () => {
  const target = new Target();
  let targetUrl = '';
  beforeAll(async () => {
    targetUrl = await target.listen();
  });
  afterAll(() => target.close());

  it('without app credentials, /api/messages is not served, and a serviceUrl posted to our Direct Line is ignored', async () => {
    const server = await WebchatServer.start();
    try {
      expect((await server.fetch('/api/messages', { body: azureActivity(targetUrl) })).status).toBe(404);
      const c = await server.newConversation();
      const res = await server.fetch(`/v3/directline/conversations/${c.conversationId}/activities`, {
        token: c.token, body: { type: 'message', from: { id: 'x' }, text: 'The hotel room was filthy!', serviceUrl: targetUrl },
      });
      expect(res.status).toBe(200);
      expect((await server.poll(c)).activities.map((a) => a.from.role)).toEqual(['user', 'bot']);
      expect(target.hits).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('with app credentials, refuses a request without a valid JWT before reading its serviceUrl', async () => {
    const server = await WebchatServer.start({ env: { MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_PASSWORD: 'app-password' } });
    try {
      expect((await server.fetch('/api/messages', { body: azureActivity(targetUrl) })).status).toBe(401);
      expect((await server.fetch('/api/messages', { body: azureActivity(targetUrl), token: 'not-a-jwt' })).status).toBe(401);
      expect((await server.fetch('/api/messages', { body: azureActivity(targetUrl), token: forgedJwt() })).status).toBe(401);
      expect((await server.fetch('/api/messages', { body: { type: 'message' }, token: forgedJwt() })).status).toBe(400);
      expect((await server.fetch('/api/messages', { raw: 'x'.repeat(300_000) })).status).toBe(413);
      expect(target.hits).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('sends a reply to an Azure conversation through the adapter, only to an allowed service URL', async () => {
    const clock = new SystemClock();
    const store = new MemoryActivityStore(clock);
    // Our own PUBLIC_URL is allowed: here it is the target, so an allowed send can be seen arriving.
    const server = await WebchatServer.start({ env: { PUBLIC_URL: targetUrl }, webchat: { store } });
    try {
      const reference = (serviceUrl: string) => ({ serviceUrl, channelId: 'msteams', conversation: { id: 'azure-1', isGroup: false, conversationType: 'personal', name: '' }, bot: { id: 'bot', name: '' }, user: { id: 'u', name: '' } });
      const reply = (conversationId: string) => server.app.router.send({ id: '1:0', channel: 'webchat', conversationId, text: 'hi', choices: [{ id: 'confirm', label: 'Yes' }], step: 'notice', turn: 1 });

      await store.open('azure-foreign', { kind: 'azure', reference: reference('http://169.254.169.254/') });
      await reply('azure-foreign');
      await reply('never-opened');
      expect(target.hits).toBe(0);

      await store.open('azure-allowed', { kind: 'azure', reference: reference(targetUrl) });
      await reply('azure-allowed');
      expect(target.hits).toBe(1);
      expect((await store.since('azure-allowed', 0)).activities).toEqual([]);
    } finally {
      await server.close();
      target.hits = 0;
    }
  });

  it('makes no connector for a service URL off the allow-list, even with auth off', async () => {
    const allowed = serviceUrlAllowList('https://care.example.com');
    const auth = new AllowListAuthentication(new ConfigurationBotFrameworkAuthentication({}), allowed);
    const factory = auth.createConnectorFactory(new ClaimsIdentity([], true));
    await expect(factory.create(targetUrl)).rejects.toThrow(/allow-list/);
    await expect(factory.create('https://smba.trafficmanager.net/apac/')).resolves.toBeDefined();
    expect(target.hits).toBe(0);
  });

  it('allows only Azure Bot Service hosts over https, and our own public origin', () => {
    const allowed = serviceUrlAllowList('https://care.example.com');
    const yes = ['https://directline.botframework.com/', 'https://webchat.botframework.com/', 'https://smba.trafficmanager.net/apac/', 'https://care.example.com/v3/directline', 'https://directline.botframework.azure.us/'];
    const no = [
      'http://directline.botframework.com/', 'https://directline.botframework.com:8443/', 'https://botframework.com.evil.example/',
      'https://evilbotframework.com/', 'https://other.trafficmanager.net/', 'http://169.254.169.254/latest/meta-data/', 'http://127.0.0.1:3000/',
      'https://care.example.com.evil.example/', 'http://care.example.com/', 'not a url', undefined,
    ];
    for (const url of yes) expect(allowed(url), url).toBe(true);
    for (const url of no) expect(allowed(url), url).toBe(false);
  });
});

describe('web chat: activities to and from the engine', () => {
  const at = new Date('2026-11-21T02:00:00Z');
  const activity = (extra: Partial<Activity>): Activity => ({
    type: 'message', id: 'conv|0000003', conversation: { id: 'conv' }, from: { id: 'u1' }, channelId: 'directline', ...extra,
  } as Activity);

  it('reads a typed message, an imBack, a postBack and a messageBack value', () => {
    expect(inboundMessage(activity({ text: 'hello', locale: 'zh-TW' }), at)).toEqual({
      channel: 'webchat', conversationId: 'conv', senderId: 'u1', senderRole: 'traveller', messageId: 'conv|0000003',
      text: 'hello', attachments: [], receivedAt: at, localeHint: 'zh-TW',
    });
    expect(inboundMessage(activity({ text: 'Compensation' }), at)).toMatchObject({ text: 'Compensation' });
    expect(inboundMessage(activity({ text: 'wants:compensation', channelData: { postBack: true } }), at)).toMatchObject({ text: '', choice: 'wants:compensation' });
    expect(inboundMessage(activity({ text: 'Yes', value: 'confirm' }), at)).toMatchObject({ text: '', choice: 'confirm' });
    expect(inboundMessage(activity({ attachments: [{ contentType: 'image/jpeg', contentUrl: 'https://directline.botframework.com/a.jpg' }] }), at).attachments)
      .toEqual([{ kind: 'image', ref: 'https://directline.botframework.com/a.jpg', mimeType: 'image/jpeg' }]);
  });

  it('writes a reply as plain text with imBack buttons and the locale', () => {
    const reply = replyActivity({ id: '2:0', channel: 'webchat', conversationId: 'conv', text: '**not bold** <b>', choices: [{ id: 'confirm', label: 'Yes' }], step: 'restate', turn: 2 }, 'zh-CN', at);
    expect(reply).toEqual({
      type: 'message', timestamp: at.toISOString(), channelId: 'directline', conversation: { id: 'conv' }, from: { id: 'tripcare', role: 'bot' },
      text: '**not bold** <b>', textFormat: 'plain', locale: 'zh-CN', suggestedActions: { actions: [{ type: 'imBack', title: 'Yes', value: 'Yes' }] },
    });
  });

  it('maps Web Chat locales to the ones we speak', () => {
    expect(['zh-CN', 'zh-Hans', 'zh-SG', 'zh-TW', 'zh-HK', 'zh-Hant-TW', 'en-US', 'en', 'fr-FR', undefined].map(localeOf))
      .toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-TW', 'zh-TW', 'zh-TW', 'en', 'en', undefined, undefined]);
  });
});
