import { describe, expect, it } from 'vitest';
import { localeHint } from '../../adapters/telegram/locale-hint.ts';
import { splitText } from '../../adapters/telegram/split-text.ts';
import { UpdateHandler } from '../../adapters/telegram/update-handler.ts';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import { createLogger } from '../../src/log.ts';

const lines: string[] = [];
const clock = new ManualClock(new Date('2026-11-21T02:00:00Z'));
const handler = new UpdateHandler({
  engine: { receive: async () => undefined },
  api: { answerCallbackQuery: async () => true },
  clock,
  log: createLogger('debug', { destination: (l) => void lines.push(l) }),
});

const from = { id: 42, is_bot: false, first_name: 'Mei', language_code: 'en' };
const message = (fields: Record<string, unknown>, chat = { id: 42, type: 'private' }) => ({ update_id: 900, message: { message_id: 7, date: 1_763_690_400, chat, from, ...fields } });
const attachmentsOf = (fields: Record<string, unknown>) => handler.read(message(fields))?.message.attachments;

describe('Telegram updates to inbound messages', () => {
  it('maps a text message: chat, sender, a message id stable across redeliveries, and the language hint', () => {
    expect(handler.read(message({ text: 'The bus never came' }))).toEqual({
      message: {
        channel: 'telegram', conversationId: '42', senderId: '42', senderRole: 'traveller', messageId: '42:7',
        text: 'The bus never came', attachments: [], receivedAt: clock.now(), localeHint: 'en',
      },
    });
  });

  it('keeps photos (the largest size), voice, stickers, videos, files and locations as attachments by file_id', () => {
    expect(attachmentsOf({ photo: [{ file_id: 's', width: 90 }, { file_id: 'l', width: 1280 }], caption: 'the room' })).toEqual([{ kind: 'image', ref: 'l' }]);
    expect(attachmentsOf({ voice: { file_id: 'v', duration: 3, mime_type: 'audio/ogg' } })).toEqual([{ kind: 'voice', ref: 'v', mimeType: 'audio/ogg' }]);
    expect(attachmentsOf({ sticker: { file_id: 'st', type: 'regular', is_animated: false } })).toEqual([{ kind: 'sticker', ref: 'st' }]);
    expect(attachmentsOf({ location: { latitude: 23.1291, longitude: 113.2644 } })).toEqual([{ kind: 'location', ref: '23.1291,113.2644' }]);
    expect(attachmentsOf({ document: { file_id: 'd', mime_type: 'application/pdf' } })).toEqual([{ kind: 'file', ref: 'd', mimeType: 'application/pdf' }]);
    expect(attachmentsOf({ document: { file_id: 'p', mime_type: 'image/jpeg' } })).toEqual([{ kind: 'image', ref: 'p', mimeType: 'image/jpeg' }]);
    expect(attachmentsOf({ animation: { file_id: 'g' }, document: { file_id: 'g' } })).toEqual([{ kind: 'video', ref: 'g' }]);
    expect(attachmentsOf({ video_note: { file_id: 'vn' } })).toEqual([{ kind: 'video', ref: 'vn' }]);
    expect(handler.read(message({ photo: [{ file_id: 'l' }], caption: 'the room' }))?.message.text).toBe('the room');
  });

  it('maps a button press to the choice id and its label, and answers the callback query', async () => {
    const keyboard = { inline_keyboard: [[{ text: 'Yes, that’s right', callback_data: 'confirm' }], [{ text: 'A label', callback_data: '?1' }]] };
    const press = (data: string) => ({ update_id: 901, callback_query: { id: '555', from, data, chat_instance: 'x', message: { message_id: 9, chat: { id: 42, type: 'private' }, reply_markup: keyboard } } });
    const read = handler.read(press('confirm'));
    expect(read).toMatchObject({ callbackQueryId: '555', message: { conversationId: '42', messageId: 'cb:555', choice: 'confirm', text: 'Yes, that’s right' } });
    // A choice sent by position (its id too long for callback data) is read as the label typed.
    expect(handler.read(press('?1'))?.message).toMatchObject({ text: 'A label' });
    expect(handler.read(press('?1'))?.message).not.toHaveProperty('choice');

    const answered: string[] = [];
    const received: string[] = [];
    const answering = new UpdateHandler({
      engine: { receive: async (m) => void received.push(m.messageId) },
      api: { answerCallbackQuery: async (id) => (answered.push(id), true) },
      clock, log: createLogger('silent'),
    });
    await answering.handle(press('confirm'));
    expect([received, answered]).toEqual([['cb:555'], ['555']]);
  });

  it('drops what is not for it, logging ids and reasons only', () => {
    lines.length = 0;
    const secretText = 'my passport number is E12345678';
    expect(handler.read(message({ text: secretText }, { id: -100, type: 'supergroup' }))).toBeNull();
    expect(handler.read({ update_id: 902, edited_message: { text: secretText } })).toBeNull();
    expect(handler.read(message({ contact: { phone_number: '+8613800000000' } }))).toBeNull();
    expect(handler.read({ update_id: 903, message: { message_id: 'x', text: secretText } })).toBeNull();
    expect(handler.read({ update_id: 904, message: { message_id: 1, chat: { id: 1, type: 'private' }, from, text: 'x'.repeat(70_000) } })).toBeNull();
    expect(handler.read('not an update')).toBeNull();
    expect(handler.read({ update_id: 905, callback_query: { id: '1', from, data: 'confirm' } })).toBeNull(); // inline mode: no message
    const events = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.map((e) => e.reason ?? e.event)).toEqual(['not_private', 'other_update', 'no_content', 'telegram.update_invalid', 'telegram.update_invalid', 'telegram.update_invalid', 'other_update']);
    expect(events.map((e) => e.update)).toEqual([900, 902, 900, 903, 904, null, 905]);
    expect(lines.join()).not.toMatch(/passport|E12345678|8613800000000|Mei/);
  });

  it('reads Telegram language codes as locale hints', () => {
    const hints = ['zh-hans', 'zh-CN', 'zh', 'zh-sg', 'zh-hant', 'zh-TW', 'zh-hk', 'zh-hant-tw', 'en', 'en-GB', 'fr', undefined].map(localeHint);
    expect(hints).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-TW', 'zh-TW', 'zh-TW', 'zh-TW', 'en', 'en', undefined, undefined]);
  });
});

describe('Telegram helpers', () => {
  it('cuts text at line breaks, and long lines between characters (never inside a surrogate pair)', () => {
    expect(splitText('short')).toEqual(['short']);
    expect(splitText('aaa\nbbb\nccc', 7)).toEqual(['aaa\nbbb', 'ccc']);
    expect(splitText('😀😀😀', 5)).toEqual(['😀😀', '😀']);
  });
});
