import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BotApi } from '../../adapters/telegram/bot-api.ts';
import { Poller } from '../../adapters/telegram/poller.ts';
import { UpdateHandler } from '../../adapters/telegram/update-handler.ts';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import { createLogger } from '../../src/log.ts';
import { catalogues } from '../../src/i18n/render.ts';
import { botToken, expectHappyComplaint, firstComplaint, heard, scriptedBotApi, startEmulator, TelegramUser, telegramApp } from '../support/telegram-emulator.ts';

const en = catalogues.en;

describe('Telegram in polling mode, against the telegram-test-api Bot API emulator', () => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let bot: Awaited<ReturnType<typeof telegramApp>>;

  beforeEach(async () => {
    emulator = await startEmulator();
    bot = await telegramApp({ TELEGRAM_API_ROOT: emulator.apiRoot, TELEGRAM_MODE: 'polling' });
  });

  afterEach(async () => {
    await bot.close();
    await emulator.server.stop();
  });

  it('takes a complaint end to end: typed answers, and choices as inline buttons pressed as callback queries', async () => {
    await expectHappyComplaint(new TelegramUser(emulator, bot.app), bot.app, emulator.methods);
    expect(emulator.methods[0]).toBe('deleteWebhook'); // polling and a webhook exclude each other
    expect(emulator.methods).not.toContain('setWebhook');
  });

  it('hands the engine a pressed button as its choice id and label, by chat and user', async () => {
    const calls = heard(bot.app);
    const user = new TelegramUser(emulator, bot.app, { userId: 2002, languageCode: 'zh-hans' });
    await user.say(firstComplaint);
    await user.press('skip');
    expect(calls()).toEqual([
      expect.objectContaining({ channel: 'telegram', conversationId: '2002', senderId: '2002', localeHint: 'zh-CN', attachments: [] }),
      expect.objectContaining({ conversationId: '2002', choice: 'skip', text: en['choice.dont_know'], messageId: expect.stringMatching(/^cb:/) }),
    ]);
  });

  it('hears photos and stickers as attachments, and answers in the engine’s words', async () => {
    const calls = heard(bot.app);
    const user = new TelegramUser(emulator, bot.app);
    const sticker = await user.say('', { sticker: { file_id: 'sticker-file-1' } });
    expect(sticker).toHaveLength(1);
    expect(sticker[0]!.message.text).toContain(en['notice.sticker']);
    await user.say('The bus broke down, photo attached', { photo: [{ file_id: 'small', width: 90, height: 60 }, { file_id: 'large', width: 1280, height: 853 }] });
    expect(calls().map((m) => m.attachments)).toEqual([[{ kind: 'sticker', ref: 'sticker-file-1' }], [{ kind: 'image', ref: 'large' }]]);
  });

  it('stays silent in group chats', async () => {
    const calls = heard(bot.app);
    const group = emulator.server.getClient(botToken, { userId: 3003, chatId: -4004, type: 'group', chatTitle: 'Tour GZ-2611-A' });
    await group.sendMessage(group.makeMessage('The hotel was filthy'));
    const user = new TelegramUser(emulator, bot.app);
    await user.say(firstComplaint); // polled after the group's message
    expect(calls().map((m) => m.conversationId)).toEqual(['1001']);
    expect(emulator.server.storage.botMessages.every((m) => String(m.message.chat_id) === '1001')).toBe(true);
  });
});

describe('Telegram poller', () => {
  const closing: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
  });

  it('tries an update the engine failed on again, and it is answered once', async () => {
    const emulator = await startEmulator();
    closing.push(() => emulator.server.stop());
    const bot = await telegramApp({ TELEGRAM_API_ROOT: emulator.apiRoot }, 'worker'); // sends; this test polls
    closing.push(() => bot.close());
    const log = createLogger('silent');
    const api = new BotApi(botToken, log, { apiRoot: emulator.apiRoot });
    const poller = new Poller(api, new UpdateHandler({ engine: bot.app.engine, api, clock: new ManualClock(), log }), log, { idleMs: 10, failureMs: 10 });
    const calls = heard(bot.app);
    vi.spyOn(bot.app.engine, 'receive').mockRejectedValueOnce(new Error('store unreachable'));
    poller.start();
    closing.push(() => poller.stop());
    expect(await new TelegramUser(emulator, bot.app).say(firstComplaint)).toHaveLength(1);
    expect(calls()).toHaveLength(2);
  });

  it('stops when Telegram refuses the token', async () => {
    const api = await scriptedBotApi([{ status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } }]);
    closing.push(api.close);
    const lines: string[] = [];
    let logged = () => {};
    const log = createLogger('error', { destination: (l) => (lines.push(l), logged()) });
    const bot = new BotApi(botToken, log, { apiRoot: api.apiRoot });
    const poller = new Poller(bot, new UpdateHandler({ engine: { receive: async () => undefined }, api: bot, clock: new ManualClock(), log }), log);
    await new Promise<void>((resolve) => {
      logged = resolve;
      poller.start();
    });
    await poller.stop();
    expect(api.calls.map((c) => c.method)).toEqual(['getUpdates']);
    expect(lines.map((l) => JSON.parse(l).event)).toEqual(['telegram.polling_stopped']);
  });
});
