import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { webhookRule } from '../../adapters/telegram/start-telegram.ts';
import { expectHappyComplaint, firstComplaint, heard, secretAddingRelay, startEmulator, TelegramUser, telegramApp } from '../support/telegram-emulator.ts';

const secret = 'webhook-secret-0123456789';

/** An update as Telegram posts it: a private-chat text message. */
const textUpdate = (updateId: number, messageId: number, text = firstComplaint) => ({
  update_id: updateId,
  message: { message_id: messageId, date: 1_763_690_400, chat: { id: 1001, type: 'private' }, from: { id: 1001, is_bot: false, language_code: 'en' }, text },
});

describe('Telegram in webhook mode: the route on a real HttpServer, fed by the telegram-test-api emulator', () => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let relay: Awaited<ReturnType<typeof secretAddingRelay>>;
  let bot: Awaited<ReturnType<typeof telegramApp>>;
  let route = '';

  const post = (body: string | Buffer, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': secret }) =>
    fetch(route, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  beforeEach(async () => {
    emulator = await startEmulator();
    relay = await secretAddingRelay(() => route, secret);
    bot = await telegramApp({ TELEGRAM_API_ROOT: emulator.apiRoot, TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_URL: relay.url, TELEGRAM_WEBHOOK_SECRET: secret });
    route = `http://127.0.0.1:${await bot.http.listen(0, '127.0.0.1')}/telegram/webhook`;
  });

  afterEach(async () => {
    await bot.close();
    await relay.close();
    await emulator.server.stop();
  });

  it('takes a complaint end to end, each update delivered by the emulator to the webhook it was given', async () => {
    expect(emulator.methods).toEqual(['setWebhook']); // the emulator now posts every user update to the relay, and so to the route
    await expectHappyComplaint(new TelegramUser(emulator, bot.app), bot.app, emulator.methods);
    expect(emulator.methods).not.toContain('getUpdates');
  });

  it('refuses a missing or wrong secret with 401, and nothing reaches the engine', async () => {
    const calls = heard(bot.app);
    const body = JSON.stringify(textUpdate(1, 1));
    expect((await post(body, {})).status).toBe(401);
    expect((await post(body, { 'x-telegram-bot-api-secret-token': `${secret}x` })).status).toBe(401);
    expect((await post(body, { 'x-telegram-bot-api-secret-token': secret.slice(0, -1) })).status).toBe(401);
    expect(calls()).toEqual([]);
    expect(emulator.server.storage.botMessages).toEqual([]);
  });

  it('refuses bodies over 1 MiB with 413, by Content-Length or as they stream in', async () => {
    const calls = heard(bot.app);
    const huge = JSON.stringify(textUpdate(1, 1, 'x'.repeat(1024 * 1024)));
    expect((await post(huge)).status).toBe(413);
    const chunked = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(route, { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': secret } }, (res) => resolve(res.statusCode));
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write(Buffer.alloc(64 * 1024, 'x')); // no Content-Length: chunked
      req.end();
    });
    expect(chunked).toBe(413);
    expect(calls()).toEqual([]);
  });

  it('answers 400 to malformed JSON, and acknowledges an update it cannot use without handling it', async () => {
    const calls = heard(bot.app);
    expect((await post('{"update_id": 1, "message": ')).status).toBe(400);
    expect((await post(JSON.stringify({ update_id: 'one', message: { text: 'hi' } }))).status).toBe(200);
    expect((await post(JSON.stringify({ update_id: 2, edited_message: { message_id: 1 } }))).status).toBe(200);
    expect(calls()).toEqual([]);
  });

  it('answers a redelivered update once', async () => {
    const update = JSON.stringify(textUpdate(7, 3));
    expect((await post(update)).status).toBe(200); // 200 comes after the engine's turn, replies sent
    expect(emulator.server.storage.botMessages).toHaveLength(1);
    expect((await post(update)).status).toBe(200);
    expect(emulator.server.storage.botMessages).toHaveLength(1);
  });

  it('answers 500 while the engine fails, so that Telegram redelivers; the redelivery is answered', async () => {
    vi.spyOn(bot.app.engine, 'receive').mockRejectedValueOnce(new Error('store unreachable'));
    const update = JSON.stringify(textUpdate(8, 4));
    expect((await post(update)).status).toBe(500);
    expect((await post(update)).status).toBe(200);
    expect(emulator.server.storage.botMessages).toHaveLength(1);
  });

  it('limits each source address (429 with Retry-After), before looking at the secret', async () => {
    const statuses = [];
    for (let i = 0; i < webhookRule.points; i++) statuses.push((await post('{}', {})).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const limited = await post('{}', {});
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(webhookRule.seconds);
  });

  it('tells Telegram to come back later once the channel is closing', async () => {
    await bot.channel?.close();
    expect((await post(JSON.stringify(textUpdate(9, 5)))).status).toBe(503);
  });
});
