import type { OutboundMessage } from '../../src/conversation/messages.ts';
import type { Outbox } from '../../src/ports/outbox.ts';
import type { BotApi } from './bot-api.ts';
import { inlineKeyboard } from './inline-keyboard.ts';
import { splitText } from './split-text.ts';

/** Chat ids fit in a double (at most 52 significant bits); send them as numbers. */
const chatIdOf = (conversationId: string): number | string => (/^-?\d{1,16}$/.test(conversationId) ? Number(conversationId) : conversationId);

/**
 * Sends the engine's messages with sendMessage, in reply or at any time (staff
 * takeover, reminders): text as plain text, choices as an inline keyboard under
 * the last part. A failure after the retries is thrown for the engine to see.
 */
export class TelegramSender implements Outbox {
  readonly #api: BotApi;

  constructor(api: BotApi) {
    this.#api = api;
  }

  async send(message: OutboundMessage): Promise<void> {
    const chatId = chatIdOf(message.conversationId);
    const parts = splitText(message.text);
    for (const [i, part] of parts.entries()) {
      const last = i === parts.length - 1;
      await this.#api.sendMessage(chatId, part, last && message.choices.length > 0 ? inlineKeyboard(message.choices) : undefined);
    }
  }
}
