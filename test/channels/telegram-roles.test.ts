import { afterEach, describe, expect, it } from 'vitest';
import { startTelegram } from '../../adapters/telegram/start-telegram.ts';
import { createApp, memoryParts } from '../../src/app.ts';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import { loadConfig } from '../../src/config.ts';
import { HttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/log.ts';
import { policy } from '../support/harness.ts';
import { botToken, scriptedBotApi, startEmulator, TelegramUser, telegramApp } from '../support/telegram-emulator.ts';

const secret = 'webhook-secret-0123456789';
const closing: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

async function emulated(env: Record<string, string>, role: 'start' | 'web' | 'worker') {
  const emulator = await startEmulator();
  closing.push(() => emulator.server.stop());
  const bot = await telegramApp({ TELEGRAM_API_ROOT: emulator.apiRoot, ...env }, role);
  closing.push(() => bot.close());
  const port = await bot.http.listen(0, '127.0.0.1');
  return { emulator, bot, webhook: `http://127.0.0.1:${port}/telegram/webhook` };
}

describe('Telegram by role and configuration', () => {
  it('is off without TELEGRAM_BOT_TOKEN', async () => {
    const log = createLogger('silent');
    const clock = new ManualClock();
    const config = loadConfig({});
    const app = createApp({ config, parts: memoryParts(clock, log), policy, clock, log });
    expect(await startTelegram({ app, http: new HttpServer(log), config, log, clock, role: 'start' })).toBeNull();
  });

  it('in a worker, only sends: no route, no polling, and a message for any chat goes out at any time', async () => {
    const { emulator, bot, webhook } = await emulated({ TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_URL: 'https://care.example.com/telegram/webhook', TELEGRAM_WEBHOOK_SECRET: secret }, 'worker');
    expect(emulator.methods).toEqual([]);
    expect((await fetch(webhook, { method: 'POST', body: '{}' })).status).toBe(404);
    await bot.app.router.send({ channel: 'telegram', conversationId: '1001', text: 'staff reply', choices: [{ id: 'satisfied', label: 'Yes' }], step: 'handoff', turn: 4, id: '4.0' });
    const user = new TelegramUser(emulator, bot.app);
    expect(await user.unread()).toMatchObject([{ message: { chat_id: 1001, text: 'staff reply', reply_markup: { inline_keyboard: [[{ text: 'Yes', callback_data: 'satisfied' }]] } } }]);
  });

  it('in a web process, does not poll (several would conflict) but sends', async () => {
    const { emulator, bot } = await emulated({ TELEGRAM_MODE: 'polling' }, 'web');
    expect(emulator.methods).toEqual([]); // polling would have called deleteWebhook before resolving
    await bot.app.router.send({ channel: 'telegram', conversationId: '1001', text: 'reminder', choices: [], step: 'notice', turn: 2, id: '2.0' });
    expect(emulator.methods).toEqual(['sendMessage']);
  });

  it('in a web process in webhook mode, serves the route and sets the webhook with its secret', async () => {
    const { emulator, webhook } = await emulated({ TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_URL: 'https://care.example.com/telegram/webhook', TELEGRAM_WEBHOOK_SECRET: secret }, 'web');
    expect(emulator.methods).toEqual(['setWebhook']);
    expect((await fetch(webhook, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await fetch(webhook, { method: 'POST', body: '{}', headers: { 'x-telegram-bot-api-secret-token': secret } })).status).toBe(200);
  });

  it('starts even when Telegram refuses setWebhook (logged): the route still serves', async () => {
    const api = await scriptedBotApi([{ status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: bad webhook: HTTPS url must be provided for webhook' } }]);
    closing.push(api.close);
    const log: string[] = [];
    const logger = createLogger('warn', { destination: (l) => void log.push(l) });
    const clock = new ManualClock();
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: botToken, TELEGRAM_API_ROOT: api.apiRoot, TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_URL: 'http://care.example.com/telegram/webhook', TELEGRAM_WEBHOOK_SECRET: secret,
    });
    const app = createApp({ config, parts: memoryParts(clock, logger), policy, clock, log: logger });
    const http = new HttpServer(logger);
    closing.push(() => http.close());
    expect(await startTelegram({ app, http, config, log: logger, clock, role: 'web' })).toMatchObject({ channel: 'telegram' });
    expect(api.calls).toMatchObject([{ method: 'setWebhook', payload: { url: 'http://care.example.com/telegram/webhook', secret_token: secret, allowed_updates: ['message', 'callback_query'] } }]);
    expect(log.map((l) => JSON.parse(l).event)).toContain('telegram.set_webhook_failed');
    const port = await http.listen(0, '127.0.0.1');
    const answer = await fetch(`http://127.0.0.1:${port}/telegram/webhook`, { method: 'POST', body: '{}', headers: { 'x-telegram-bot-api-secret-token': secret } });
    expect(answer.status).toBe(200);
  });
});
