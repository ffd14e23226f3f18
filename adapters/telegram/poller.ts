import { setTimeout as wait } from 'node:timers/promises';
import { errorFields } from '../../src/log.ts';
import type { Logger } from '../../src/log.ts';
import type { BotApi } from './bot-api.ts';
import { errorCode } from './retry-policy.ts';
import type { TelegramInbound } from './to-inbound.ts';
import type { UpdateHandler } from './update-handler.ts';

export interface PollerOptions {
  /** How long Telegram holds an empty long poll, in seconds. Default 50. */
  waitSeconds?: number;
  /** Pause after an empty answer, so a server that ignores the long-poll wait (the emulator) is not hammered. Default 100 ms. */
  idleMs?: number;
  /** Pause after a failed poll or delivery, times the attempt. Default 2 s. */
  failureMs?: number;
  /** Tries of one update; then it is left to the engine's recovery. Default 3. */
  deliveryAttempts?: number;
}

/** The token is wrong or revoked: polling cannot succeed. */
const fatal = new Set([401, 403, 404]);

const pause = (ms: number, signal: AbortSignal): Promise<void> => wait(ms, undefined, { signal }).catch(() => undefined);

const updateIdOf = (raw: unknown): number =>
  typeof raw === 'object' && raw !== null && 'update_id' in raw && typeof raw.update_id === 'number' ? raw.update_id : -1;

/**
 * Long-polls getUpdates (`start` only: two pollers of one bot make Telegram answer 409).
 * Chats are handled side by side, each chat's updates in order; the offset moves past a
 * batch once it is handled, and is confirmed to Telegram on stop so nothing is redelivered.
 */
export class Poller {
  readonly #api: BotApi;
  readonly #updates: UpdateHandler;
  readonly #log: Logger;
  readonly #options: Required<PollerOptions>;
  readonly #stopping = new AbortController();
  #offset = 0;
  #running: Promise<void> | null = null;

  constructor(api: BotApi, updates: UpdateHandler, log: Logger, options: PollerOptions = {}) {
    this.#api = api;
    this.#updates = updates;
    this.#log = log;
    this.#options = { waitSeconds: 50, idleMs: 100, failureMs: 2_000, deliveryAttempts: 3, ...options };
  }

  start(): void {
    this.#running ??= this.#loop().catch((e: unknown) => this.#log.error('telegram.polling_failed', errorFields(e)));
  }

  /** Stops polling after the updates under way are handled. */
  async stop(): Promise<void> {
    this.#stopping.abort();
    await this.#running;
  }

  async #loop(): Promise<void> {
    const { signal } = this.#stopping;
    while (!signal.aborted) {
      let batch: unknown[];
      try {
        batch = await this.#api.getUpdates(this.#offset, { waitSeconds: this.#options.waitSeconds, signal });
      } catch (e) {
        if (signal.aborted) break;
        const code = errorCode(e);
        if (code !== null && fatal.has(code)) return this.#log.error('telegram.polling_stopped', { code });
        this.#log.warn('telegram.poll_failed', { code });
        await pause(this.#options.failureMs, signal);
        continue;
      }
      const next = Math.max(this.#offset, ...batch.map((u) => updateIdOf(u) + 1));
      await this.#handle(batch);
      if (next === this.#offset) await pause(this.#options.idleMs, signal);
      this.#offset = next;
    }
    await this.#api.getUpdates(this.#offset, { waitSeconds: 0, limit: 1 }).catch(() => this.#log.warn('telegram.offset_unconfirmed', { offset: this.#offset }));
  }

  async #handle(batch: unknown[]): Promise<void> {
    const inbound = batch.map((raw) => this.#updates.read(raw)).filter((i) => i !== null);
    const byChat = Map.groupBy(inbound, (i) => i.message.conversationId);
    await Promise.all([...byChat.values()].map(async (chat) => {
      for (const update of chat) await this.#deliver(update);
    }));
  }

  async #deliver(update: TelegramInbound): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#updates.deliver(update);
      } catch (e) {
        if (attempt >= this.#options.deliveryAttempts || this.#stopping.signal.aborted) {
          // Journaled by the engine's inbox: its recovery finishes the turn.
          return this.#log.error('telegram.update_failed', { messageId: update.message.messageId, attempts: attempt, ...errorFields(e) });
        }
        await pause(this.#options.failureMs * attempt, this.#stopping.signal);
      }
    }
  }
}
