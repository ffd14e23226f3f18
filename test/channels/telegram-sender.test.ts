import { afterEach, describe, expect, it } from 'vitest';
import { BotApi } from '../../adapters/telegram/bot-api.ts';
import { TelegramSender } from '../../adapters/telegram/telegram-sender.ts';
import type { OutboundMessage } from '../../src/conversation/messages.ts';
import { createLogger } from '../../src/log.ts';
import { Harness } from '../support/harness.ts';
import { botToken, scriptedBotApi, startEmulator, TelegramUser, telegramApp } from '../support/telegram-emulator.ts';

const log = createLogger('silent');
const closing: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

const outbound = (extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  channel: 'telegram', conversationId: '1001', text: 'Is that right?', choices: [{ id: 'confirm', label: 'Yes' }], step: 'restate', turn: 3, id: '3.0', ...extra,
});

const tooMany = (seconds: number) => ({ status: 429, body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } } });
const serverError = { status: 502, body: 'Bad Gateway' };

/** A sender against a scripted Bot API whose waits are recorded, not slept. */
async function scriptedSender(script: Parameters<typeof scriptedBotApi>[0]) {
  const api = await scriptedBotApi(script);
  closing.push(api.close);
  const waits: number[] = [];
  const sender = new TelegramSender(new BotApi(botToken, log, { apiRoot: api.apiRoot, sleep: async (ms) => void waits.push(ms) }));
  return { sender, calls: api.calls, waits };
}

describe('Telegram sender: rate limits and failures (a scripted Bot API)', () => {
  it('waits out a 429 for its retry_after, then sends', async () => {
    const { sender, calls, waits } = await scriptedSender([tooMany(3)]);
    await sender.send(outbound());
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendMessage']);
    expect(waits).toEqual([3000]);
  });

  it('retries 5xx with a doubling backoff', async () => {
    const { sender, calls, waits } = await scriptedSender([serverError, serverError]);
    await sender.send(outbound());
    expect(calls).toHaveLength(3);
    expect(waits).toEqual([500, 1000]);
  });

  it('gives up, for the engine to see: after 4 tries, on a retry_after over 30 s, and at once on a 4xx', async () => {
    const persistent = await scriptedSender([serverError, serverError, serverError, serverError]);
    await expect(persistent.sender.send(outbound())).rejects.toThrow();
    expect(persistent.waits).toEqual([500, 1000, 2000]);
    const flooded = await scriptedSender([tooMany(120)]);
    await expect(flooded.sender.send(outbound())).rejects.toThrow();
    expect(flooded.calls).toHaveLength(1);
    const blocked = await scriptedSender([{ status: 403, body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } }]);
    await expect(blocked.sender.send(outbound())).rejects.toThrow();
    expect(blocked.calls).toHaveLength(1);
  });

  it('a send that gave up fails the turn, and the channel’s redelivery finishes it', async () => {
    const { sender, calls } = await scriptedSender([serverError, serverError, serverError, serverError]);
    const h = new Harness();
    h.app.router.register('telegram', sender);
    const message = h.message('The hotel room was filthy and there was no hot water at all!', { conversationId: '1001', messageId: '1001:1' });
    await expect(h.app.engine.receive(message)).rejects.toThrow();
    await h.app.engine.receive(message);
    expect(calls).toHaveLength(5);
    expect(calls[4]?.payload).toMatchObject({ chat_id: 1001 });
  });
});

describe('Telegram sender: rendering (the telegram-test-api emulator)', () => {
  it('sends plain text, cut under 4096 characters, with the choices as one button a row under the last part', async () => {
    const emulator = await startEmulator();
    closing.push(() => emulator.server.stop());
    const bot = await telegramApp({ TELEGRAM_API_ROOT: emulator.apiRoot }, 'worker');
    closing.push(() => bot.close());
    const markup = '<b>not bold</b> *nor this* [link](http://x.example)';
    const long = `${markup}\n${'a'.repeat(4000)}\n${'b'.repeat(1000)}`;
    const tooLongId = 'x'.repeat(65);
    await bot.app.router.send(outbound({ text: long, choices: [{ id: tooLongId, label: 'The long one' }, { id: 'confirm', label: 'Yes' }] }));

    const got = await new TelegramUser(emulator, bot.app).unread();
    expect(got.map((m) => m.message.text)).toEqual([`${markup}\n${'a'.repeat(4000)}`, 'b'.repeat(1000)]);
    expect(got.map((m) => m.message.parse_mode)).toEqual([undefined, undefined]);
    expect(got[0]!.message.reply_markup).toBeUndefined();
    // Callback data is at most 64 bytes: a longer id is sent by position and read back as its label.
    expect(got[1]!.message.reply_markup?.inline_keyboard).toEqual([[{ text: 'The long one', callback_data: '?0' }], [{ text: 'Yes', callback_data: 'confirm' }]]);
  });
});
