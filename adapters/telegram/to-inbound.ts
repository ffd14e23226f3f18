import type { InboundMessage } from '../../src/conversation/messages.ts';
import { attachmentsOf } from './attachments.ts';
import { pressedButton } from './inline-keyboard.ts';
import { localeHint } from './locale-hint.ts';
import type { TelegramUpdate, TelegramUser } from './update-schema.ts';

/** An update the engine should hear, and the callback query to answer with it. */
export interface TelegramInbound {
  message: InboundMessage;
  callbackQueryId?: string;
}

export type Reading = TelegramInbound | { ignored: 'not_private' | 'no_sender' | 'no_content' | 'other_update' };

const common = (chatId: number, from: TelegramUser, receivedAt: Date) => {
  const hint = localeHint(from.language_code);
  return {
    channel: 'telegram' as const,
    conversationId: String(chatId),
    senderId: String(from.id),
    senderRole: 'traveller' as const,
    receivedAt,
    ...(hint ? { localeHint: hint } : {}),
  };
};

/**
 * An update as an inbound message. Message ids are the message's own (chat and
 * message_id) or the callback query's id: the same on every redelivery, and,
 * unlike update_id (random again after a week's quiet), never reused.
 * Only private chats are heard: a complaint carries personal data that a group must not see.
 */
export function toInbound(update: TelegramUpdate, receivedAt: Date): Reading {
  const { message: m, callback_query: q } = update;
  if (m) {
    if (m.chat.type !== 'private') return { ignored: 'not_private' };
    if (!m.from) return { ignored: 'no_sender' };
    const text = m.text ?? m.caption ?? '';
    const attachments = attachmentsOf(m);
    if (!text && attachments.length === 0) return { ignored: 'no_content' }; // service messages, polls, contacts
    return { message: { ...common(m.chat.id, m.from, receivedAt), messageId: `${m.chat.id}:${m.message_id}`, text, attachments } };
  }
  if (q?.message && q.data) {
    if (q.message.chat.type !== 'private') return { ignored: 'not_private' };
    const { choice, label } = pressedButton(q.data, q.message.reply_markup?.inline_keyboard);
    return {
      message: { ...common(q.message.chat.id, q.from, receivedAt), messageId: `cb:${q.id}`, text: label, ...(choice ? { choice } : {}), attachments: [] },
      callbackQueryId: q.id,
    };
  }
  return { ignored: 'other_update' };
}
