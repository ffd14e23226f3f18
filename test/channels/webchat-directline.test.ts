import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/clock/manual-clock.ts';
import { StreamClient, WebchatServer, webchatSecret } from '../support/webchat.ts';

const complaint = 'The hotel room was filthy and there was no hot water at all!';

describe('web chat: our Direct Line 3.0', () => {
  let server: WebchatServer;
  beforeAll(async () => {
    server = await WebchatServer.start({ manualClock: true, webchat: { rateLimits: { tokens: { points: 1_000, seconds: 60 } } } });
  });
  afterAll(() => server.close());

  describe('tokens', () => {
    it('issues a short-lived token for a new conversation, from our page endpoint or with the secret', async () => {
      const page = await server.fetch('/api/webchat/token', { body: { locale: 'zh-CN' } });
      expect(page.status).toBe(200);
      const issued = (await page.json()) as { conversationId: string; token: string; expires_in: number };
      expect(issued).toEqual({ conversationId: expect.stringMatching(/^[\w-]{24}$/), token: expect.stringMatching(/^dl1\./), expires_in: 1800 });

      expect((await server.fetch('/v3/directline/tokens/generate', { method: 'POST', token: 'not-the-secret' })).status).toBe(403);
      const generated = await server.fetch('/v3/directline/tokens/generate', { method: 'POST', token: webchatSecret });
      expect(generated.status).toBe(200);
      expect(((await generated.json()) as { conversationId: string }).conversationId).not.toBe(issued.conversationId);
    });

    it('refreshes a live token for the same conversation, and refuses an expired, forged or missing one', async () => {
      const c = await server.newConversation();
      (server.clock as ManualClock).advance(600 * 1000);
      const refreshed = await server.fetch('/v3/directline/tokens/refresh', { method: 'POST', token: c.token });
      expect(refreshed.status).toBe(200);
      const body = (await refreshed.json()) as { conversationId: string; token: string };
      expect(body.conversationId).toBe(c.conversationId);
      expect(body.token).not.toBe(c.token);

      const [v, claims, signature] = c.token.split('.');
      const otherClaims = Buffer.from(JSON.stringify({ c: 'someone-elses-conversation-id', e: 9_999_999_999 })).toString('base64url');
      for (const forged of [`${v}.${otherClaims}.${signature}`, `${c.token}x`, `${v}.${claims}`, 'dl1..', 'garbage']) {
        expect((await server.fetch('/v3/directline/tokens/refresh', { method: 'POST', token: forged })).status, forged).toBe(403);
      }
      expect((await server.fetch('/v3/directline/tokens/refresh', { method: 'POST' })).status).toBe(401);

      (server.clock as ManualClock).advance(1200 * 1000);
      expect((await server.fetch('/v3/directline/tokens/refresh', { method: 'POST', token: c.token })).status).toBe(403);
      expect((await server.fetch(`/v3/directline/conversations/${c.conversationId}/activities`, { token: c.token })).status).toBe(403);
      expect((await server.fetch('/v3/directline/tokens/refresh', { method: 'POST', token: body.token })).status).toBe(200);
    });
  });

  it('starts a conversation: its id, a token, and a stream URL; reconnecting gives a stream from a watermark', async () => {
    const issued = (await (await server.fetch('/api/webchat/token', { body: {} })).json()) as { conversationId: string; token: string };
    const started = await server.fetch('/v3/directline/conversations', { method: 'POST', token: issued.token, body: { user: { id: 'dl_x' }, locale: 'en-US' } });
    expect(started.status).toBe(201);
    const c = (await started.json()) as { conversationId: string; token: string; expires_in: number; streamUrl: string };
    expect(c.conversationId).toBe(issued.conversationId);
    expect(c.expires_in).toBe(1800);
    expect(c.streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${c.conversationId}/stream\\?watermark=0&t=dl1\\.`));

    const again = await server.fetch(`/v3/directline/conversations/${c.conversationId}?watermark=7`, { token: c.token });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { streamUrl: string }).streamUrl).toContain('stream?watermark=7&t=');
  });

  it('echoes a posted message with its clientActivityID, and answers with suggested actions; polling follows the watermark', async () => {
    const c = await server.newConversation();
    const id = await server.say(c, complaint, 'client-activity-1');
    expect(id).toBe(`${c.conversationId}|0000001`);

    const first = await server.poll(c);
    const [echo, reply] = first.activities;
    expect(echo).toMatchObject({ id, type: 'message', text: complaint, textFormat: 'plain', from: { id: 'traveller-1', role: 'user' }, channelData: { clientActivityID: 'client-activity-1' } });
    expect(reply).toMatchObject({ type: 'message', from: { role: 'bot' }, textFormat: 'plain', locale: 'en' });
    expect(reply?.text).toMatch(/tour|booking/i);
    expect(reply?.suggestedActions?.actions).toEqual([{ type: 'imBack', title: expect.any(String), value: expect.any(String) }]);
    expect(first.watermark).toBe('2');
    expect(await server.poll(c, first.watermark)).toEqual({ activities: [], watermark: '2' });

    await server.say(c, 'GZ-2611-A');
    const next = await server.poll(c, first.watermark);
    expect(next.activities.map((a) => a.from.role)).toEqual(['user', 'bot']);
    expect(next.watermark).toBe('4');
  });

  it('journals a message before echoing it: a journal down echoes nothing; a turn that fails is still answered, and a resend is one message', async () => {
    const c = await server.newConversation();
    const inbox = server.app.parts.inbox;
    const accept = inbox.accept.bind(inbox);
    inbox.accept = async () => {
      throw new Error('journal down');
    };
    await expect(server.say(c, complaint, 'journal-down')).rejects.toThrow('post answered 503');
    expect((await server.poll(c)).activities).toEqual([]); // not shown: it was never accepted
    inbox.accept = accept;

    const store = server.app.parts.store;
    const write = store.write.bind(store);
    store.write = async () => {
      throw new Error('store down');
    };
    const id = await server.say(c, complaint, 'store-down'); // accepted: the echo promises an answer
    store.write = write;
    expect((await server.poll(c)).activities.map((a) => a.from.role)).toEqual(['user']);
    expect(await server.say(c, complaint, 'store-down')).toBe(id); // Web Chat's resend: the same message
    const after = await server.poll(c);
    expect(after.activities.map((a) => a.from.role)).toEqual(['user', 'bot']);
    expect(after.activities.filter((a) => a.channelData?.clientActivityID === 'store-down')).toHaveLength(1);
  });

  it('streams over the WebSocket: the echo, the reply, and what another process appends', async () => {
    const c = await server.newConversation();
    const stream = new StreamClient(c.streamUrl);
    await stream.opened;
    const started = performance.now();
    await server.say(c, complaint);
    await stream.until((all) => all.length >= 2);
    const roundTripMs = performance.now() - started;
    expect(stream.activities.map((a) => a.from.role)).toEqual(['user', 'bot']);
    expect(roundTripMs).toBeLessThan(1_000);
    process.stderr.write(`  post → echo and reply over the WebSocket: ${roundTripMs.toFixed(1)} ms\n`);

    // A staff reply sent by the engine's router, as a worker would.
    await server.app.router.send({ id: '9:0', channel: 'webchat', conversationId: c.conversationId, text: 'A colleague here: we are on it.', choices: [], step: 'handoff', turn: 9 });
    await stream.until((all) => all.length >= 3);
    expect(stream.activities[2]).toMatchObject({ text: 'A colleague here: we are on it.', from: { role: 'bot' } });
    stream.close();

    // A new stream from watermark 2 brings only what came after.
    const reconnect = (await (await server.fetch(`/v3/directline/conversations/${c.conversationId}?watermark=2`, { token: c.token })).json()) as { streamUrl: string };
    const resumed = new StreamClient(reconnect.streamUrl);
    await resumed.until((all) => all.length >= 1);
    expect(resumed.activities.map((a) => a.text)).toEqual(['A colleague here: we are on it.']);
    resumed.close();
  });

  it('holds at most four streams open per conversation', async () => {
    const c = await server.newConversation();
    const streams = Array.from({ length: 4 }, () => new StreamClient(c.streamUrl));
    await Promise.all(streams.map((s) => s.opened));
    await expect(new StreamClient(c.streamUrl).opened).rejects.toThrow(/429/);
    const closed = new Promise((resolve) => streams[0]!.ws.once('close', resolve));
    streams[0]!.close();
    await closed;
    const another = async () => {
      const stream = new StreamClient(c.streamUrl);
      const outcome = await stream.opened.then(() => 'opened', () => 'refused');
      stream.close();
      return outcome;
    };
    await expect.poll(another).toBe('opened');
    for (const s of streams) s.close();
  });

  it('offers choices as buttons; pressing one (an imBack saying its label) moves the flow on', async () => {
    const c = await server.newConversation();
    for (const text of [complaint, 'GZ-2611-A', 'yesterday', '2']) await server.say(c, text);
    const { activities } = await server.poll(c);
    const offered = activities.at(-1)?.suggestedActions?.actions ?? [];
    expect(offered.length).toBeGreaterThan(1);
    const before = activities.length;
    await server.say(c, offered[0]!.value);
    const after = (await server.poll(c)).activities.slice(before + 1);
    expect(after.length).toBeGreaterThan(0);
    expect(after.at(-1)?.text).not.toBe(activities.at(-1)?.text);
  });

  it('never lets a token for one conversation read or post to another', async () => {
    const mine = await server.newConversation();
    const theirs = await server.newConversation();
    await server.say(theirs, complaint);
    const paths = [`/v3/directline/conversations/${theirs.conversationId}`, `/v3/directline/conversations/${theirs.conversationId}/activities`];
    for (const path of paths) expect((await server.fetch(path, { token: mine.token })).status, path).toBe(403);
    const post = await server.fetch(`/v3/directline/conversations/${theirs.conversationId}/activities`, { token: mine.token, body: { type: 'message', from: { id: 'x' }, text: 'hi' } });
    expect(post.status).toBe(403);
    const streamUrl = theirs.streamUrl.replace(/t=.*$/, `t=${encodeURIComponent(mine.token)}`);
    await expect(new StreamClient(streamUrl).opened).rejects.toThrow(/403/);
    await expect(new StreamClient(theirs.streamUrl.replace(/&t=.*$/, '')).opened).rejects.toThrow(/403/);
    expect((await server.poll(theirs)).activities).toHaveLength(2);
  });

  describe('uploads', () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    const form = (files: { type: string; name: string; bytes?: Buffer }[], activity: object = { type: 'message', from: { id: 'traveller-1' }, text: 'the room' }) => {
      const data = new FormData();
      data.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }));
      for (const f of files) data.append('file', new Blob([f.bytes ?? png], { type: f.type }), f.name);
      return data;
    };
    const upload = (c: { conversationId: string; token: string }, body: FormData) =>
      fetch(`${server.base}/v3/directline/conversations/${c.conversationId}/upload?userId=traveller-1`, { method: 'POST', headers: { authorization: `Bearer ${c.token}` }, body });

    it('keeps a photo as evidence: echoed with a link to it, handed to the engine as an image', async () => {
      const c = await server.newConversation();
      const res = await upload(c, form([{ type: 'image/png', name: '../../room "1".png' }]));
      expect(res.status).toBe(200);
      const { activities } = await server.poll(c);
      const [echo] = activities;
      expect(echo).toMatchObject({ type: 'message', text: 'the room', from: { role: 'user' }, attachments: [{ contentType: 'image/png', name: 'room 1.png' }] });
      const contentUrl = echo!.attachments![0]!.contentUrl;
      expect(contentUrl).toMatch(new RegExp(`^/v3/directline/conversations/${c.conversationId}/files/[\\w-]{22}$`));

      const file = await fetch(`${server.base}${contentUrl}`);
      expect(file.status).toBe(200);
      expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);
      expect(file.headers.get('content-type')).toBe('image/png');
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(file.headers.get('content-security-policy')).toContain('sandbox');
      expect((await fetch(`${server.base}${contentUrl.replace(/files\/.{4}/, 'files/AAAA')}`)).status).toBe(404);

      const state = await server.app.parts.store.read(`webchat:${c.conversationId}`);
      expect(state?.complaint.facts.attachments).toEqual([{ kind: 'image', ref: contentUrl, mimeType: 'image/png' }]);
      expect(activities.at(-1)?.from.role).toBe('bot');
    });

    it('refuses what is not a photo or a PDF, too many files, too much, and a token for another conversation', async () => {
      const c = await server.newConversation();
      const other = await server.newConversation();
      expect((await upload(c, form([{ type: 'image/svg+xml', name: 'x.svg', bytes: Buffer.from('<svg onload="alert(1)"/>') }]))).status).toBe(415);
      expect((await upload(c, form([{ type: 'text/html', name: 'x.html' }]))).status).toBe(415);
      expect((await upload(c, form(Array.from({ length: 4 }, () => ({ type: 'image/png', name: 'p.png' }))))).status).toBe(413);
      expect((await upload(c, form([{ type: 'image/jpeg', name: 'big.jpg', bytes: Buffer.alloc(9 * 1024 * 1024) }]))).status).toBe(413);
      expect((await upload(c, form([{ type: 'image/png', name: 'p.png' }], { type: 'event', from: { id: 'x' } }))).status).toBe(400);
      expect((await upload(c, form([]))).status).toBe(400);
      expect((await server.fetch(`/v3/directline/conversations/${c.conversationId}/upload`, { token: c.token, raw: '{}' })).status).toBe(415);
      expect((await upload({ conversationId: other.conversationId, token: c.token }, form([{ type: 'image/png', name: 'p.png' }]))).status).toBe(403);
      expect((await server.poll(c)).activities).toEqual([]);
    });
  });

  describe('bad input', () => {
    it('refuses what is not an activity we take, and bad paths and watermarks', async () => {
      const c = await server.newConversation();
      const activities = `/v3/directline/conversations/${c.conversationId}/activities`;
      const post = (body: unknown) => server.fetch(activities, { token: c.token, body });
      expect((await server.fetch(activities, { token: c.token, raw: '{not json' })).status).toBe(400);
      expect((await post({ type: 'message' })).status).toBe(400);
      expect((await post({ type: 'conversationUpdate', from: { id: 'x' } })).status).toBe(400);
      expect((await post({ type: 'message', from: { id: 'x' }, text: 42 })).status).toBe(400);
      expect((await post({ type: 'message', from: { id: 'x'.repeat(500) }, text: 'hi' })).status).toBe(400);
      expect((await server.fetch(`${activities}?watermark=abc`, { token: c.token })).status).toBe(400);
      expect((await server.fetch('/v3/directline/conversations/..%2F..%2Fetc/activities', { token: c.token })).status).toBe(404);
      expect((await server.fetch(`/v3/directline/conversations/${c.conversationId}/members`, { token: c.token })).status).toBe(404);
      expect((await server.poll(c)).activities).toEqual([]);
    });

    it('drops fields it does not take: a serviceUrl, attachments, HTML stays text', async () => {
      const c = await server.newConversation();
      const xss = '<img src=x onerror="alert(1)">**bold**';
      const res = await server.fetch(`/v3/directline/conversations/${c.conversationId}/activities`, {
        token: c.token,
        body: { type: 'message', from: { id: 'x', role: 'bot' }, text: xss, textFormat: 'markdown', serviceUrl: 'http://169.254.169.254/', attachments: [{ contentType: 'image/png', contentUrl: 'http://evil.example/x.png' }] },
      });
      expect(res.status).toBe(200);
      const [echo] = (await server.poll(c)).activities;
      expect(echo).toEqual({ id: expect.any(String), type: 'message', timestamp: expect.any(String), channelId: 'directline', conversation: { id: c.conversationId }, from: { id: 'x', role: 'user' }, text: xss, textFormat: 'plain' });
    });

    it('refuses oversized bodies, declared or streamed', async () => {
      const c = await server.newConversation();
      const path = `/v3/directline/conversations/${c.conversationId}/activities`;
      const big = JSON.stringify({ type: 'message', from: { id: 'x' }, text: 'x'.repeat(70_000) });
      expect((await server.fetch(path, { token: c.token, raw: big })).status).toBe(413);
      expect(await chunkedPost(`${server.base}${path}`, c.token, big)).toBe(413);
      expect((await server.fetch('/api/webchat/token', { raw: JSON.stringify({ locale: 'en', pad: 'x'.repeat(2_000) }) })).status).toBe(413);
    });
  });
});

describe('web chat: limits and roles', () => {
  it('rate-limits token issuance and posting per client', async () => {
    const server = await WebchatServer.start({ webchat: { rateLimits: { tokens: { points: 2, seconds: 60 }, posts: { points: 1, seconds: 60 } } } });
    try {
      const c = await server.newConversation();
      expect((await server.fetch('/api/webchat/token', { body: {} })).status).toBe(200);
      const refused = await server.fetch('/api/webchat/token', { body: {} });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(55);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      await server.say(c, complaint);
      await expect(server.say(c, 'again')).rejects.toThrow(/429/);
    } finally {
      await server.close();
    }
  });

  it('limits polling, streams and the page per client address; behind a trusted proxy, per forwarded address', async () => {
    const server = await WebchatServer.start({ env: { TRUST_PROXY: '1' }, webchat: { rateLimits: { reads: { points: 3, seconds: 60 }, page: { points: 1, seconds: 60 } } } });
    try {
      const c = await server.newConversation(); // starting it is this address's first read
      const poll = (from: string) => server.fetch(`/v3/directline/conversations/${c.conversationId}/activities`, { token: c.token, headers: { 'x-forwarded-for': from } });
      for (let i = 0; i < 3; i++) expect((await poll('203.0.113.7')).status).toBe(200);
      const refused = await poll('203.0.113.7');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // What the client wrote itself, left of what our proxy appended, changes nothing.
      expect((await poll('198.51.100.9, 203.0.113.7')).status).toBe(429);
      expect((await poll('198.51.100.9')).status).toBe(200);

      const streams = [new StreamClient(c.streamUrl), new StreamClient(c.streamUrl)];
      await Promise.all(streams.map((s) => s.opened));
      await expect(new StreamClient(c.streamUrl).opened).rejects.toThrow(/429/);
      for (const s of streams) s.close();

      expect((await server.fetch('/chat')).status).toBe(200);
      const page = await server.fetch('/chat/chat.js');
      expect(page.status).toBe(429);
      expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await server.fetch('/chat/chat.js', { headers: { 'x-forwarded-for': '203.0.113.7' } })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('in a web process without WEBCHAT_SECRET, is off; in start, makes its own secret', async () => {
    const web = await WebchatServer.start({ role: 'web', env: { WEBCHAT_SECRET: '' } });
    expect(web.channel).toBeNull();
    expect((await web.fetch('/api/webchat/token', { body: {} })).status).toBe(404);
    await web.close();
    const start = await WebchatServer.start({ env: { WEBCHAT_SECRET: '' } });
    const c = await start.newConversation();
    await start.say(c, complaint);
    expect((await start.poll(c)).activities).toHaveLength(2);
    await start.close();
  });

  it('in a worker, only sends: no routes', async () => {
    const worker = await WebchatServer.start({ role: 'worker' });
    expect(worker.channel?.channel).toBe('webchat');
    expect((await worker.fetch('/chat')).status).toBe(404);
    expect((await worker.fetch('/api/webchat/token', { body: {} })).status).toBe(404);
    await worker.close();
  });
});

/** Posts a body without Content-Length (chunked), so only the running count can refuse it. */
function chunkedPost(url: string, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    for (let i = 0; i < body.length; i += 8_000) req.write(body.slice(i, i + 8_000));
    req.end();
  });
}
