import type { Engine } from '../../src/engine/engine.ts';
import type { Logger } from '../../src/log.ts';
import type { Clock } from '../../src/ports/clock.ts';
import type { BotApi } from './bot-api.ts';
import { toInbound } from './to-inbound.ts';
import type { TelegramInbound } from './to-inbound.ts';
import { updateSchema } from './update-schema.ts';

export interface UpdateHandlerParts {
  engine: Pick<Engine, 'receive'>;
  api: Pick<BotApi, 'answerCallbackQuery'>;
  clock: Clock;
  log: Logger;
}

const updateIdOf = (raw: unknown): number | null =>
  typeof raw === 'object' && raw !== null && 'update_id' in raw && typeof raw.update_id === 'number' ? raw.update_id : null;

/** Takes raw updates, however they arrived (polling or webhook), to the engine. */
export class UpdateHandler {
  readonly #parts: UpdateHandlerParts;

  constructor(parts: UpdateHandlerParts) {
    this.#parts = parts;
  }

  /** Checks and maps an update; what is malformed, hostile or not for us is logged (by id) and dropped. */
  read(raw: unknown): TelegramInbound | null {
    const parsed = updateSchema.safeParse(raw);
    if (!parsed.success) {
      this.#parts.log.warn('telegram.update_invalid', { update: updateIdOf(raw), issues: parsed.error.issues.length });
      return null;
    }
    const reading = toInbound(parsed.data, this.#parts.clock.now());
    if ('ignored' in reading) {
      this.#parts.log.debug('telegram.update_ignored', { update: parsed.data.update_id, reason: reading.ignored });
      return null;
    }
    return reading;
  }

  /**
   * Hands a message to the engine; resolves once the engine has it (so the update
   * may be acknowledged) and rejects if it failed (so Telegram's redelivery finishes it).
   * A button press's spinner is stopped alongside.
   */
  async deliver(inbound: TelegramInbound): Promise<void> {
    const answered = inbound.callbackQueryId === undefined ? null : this.#answer(inbound.callbackQueryId);
    try {
      await this.#parts.engine.receive(inbound.message);
    } finally {
      await answered;
    }
  }

  /** Reads and delivers one update. */
  async handle(raw: unknown): Promise<void> {
    const inbound = this.read(raw);
    if (inbound) await this.deliver(inbound);
  }

  async #answer(id: string): Promise<void> {
    try {
      await this.#parts.api.answerCallbackQuery(id);
    } catch {
      // Redelivered or too old (Telegram allows ~15 s): the press is handled all the same.
      this.#parts.log.debug('telegram.callback_unanswered', {});
    }
  }
}
