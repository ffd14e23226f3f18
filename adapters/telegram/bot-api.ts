import { setTimeout as wait } from 'node:timers/promises';
import { Telegram } from 'telegraf';
import type { Logger } from '../../src/log.ts';
import { defaultRetryOptions, errorCode, retryDelay } from './retry-policy.ts';
import type { RetryOptions } from './retry-policy.ts';

/** Rows of buttons that answer with a callback query. */
export type InlineKeyboard = { text: string; callback_data: string }[][];
// telegraf types the signal as the abort-controller polyfill's; node-fetch takes the native one.
type ApiSignal = NonNullable<NonNullable<Parameters<Telegram['callApi']>[2]>['signal']>;

/** The update types tripcare reads; Telegram holds back the rest. */
export const allowedUpdates = ['message', 'callback_query'] as const;

export interface BotApiOptions extends Partial<RetryOptions> {
  /** A self-hosted Bot API server. Default Telegram's. */
  apiRoot?: string;
  /** One request's time limit (a long poll gets its own on top). Default 30 s. */
  timeoutMs?: number;
  /** How retries wait; tests record instead. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const realSleep = (ms: number, signal?: AbortSignal) => wait(ms, undefined, signal ? { signal } : {});

/**
 * The Bot API calls tripcare makes, over telegraf's client, each retried by
 * the retry policy (429 `retry_after`, 5xx, network) and given up with the
 * last error, which the caller (the engine) sees.
 */
export class BotApi {
  readonly #telegram: Telegram;
  readonly #log: Logger;
  readonly #retry: RetryOptions;
  readonly #timeoutMs: number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(token: string, log: Logger, options: BotApiOptions = {}) {
    // webhookReply off: every call is a real request whose failure we see.
    this.#telegram = new Telegram(token, { webhookReply: false, ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) });
    this.#log = log;
    this.#retry = {
      attempts: options.attempts ?? defaultRetryOptions.attempts,
      maxRetryAfterMs: options.maxRetryAfterMs ?? defaultRetryOptions.maxRetryAfterMs,
      backoffMs: options.backoffMs ?? defaultRetryOptions.backoffMs,
    };
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#sleep = options.sleep ?? realSleep;
  }

  /** Sends plain text (no parse mode: what a traveller wrote is never read as markup). */
  sendMessage(chatId: number | string, text: string, keyboard?: InlineKeyboard): Promise<unknown> {
    const markup = keyboard ? { reply_markup: { inline_keyboard: keyboard } } : {};
    return this.#call('sendMessage', (signal) => this.#telegram.callApi('sendMessage', { chat_id: chatId, text, ...markup }, { signal }));
  }

  /** Stops the button's spinner. */
  answerCallbackQuery(id: string): Promise<unknown> {
    return this.#call('answerCallbackQuery', (signal) => this.#telegram.callApi('answerCallbackQuery', { callback_query_id: id }, { signal }));
  }

  /** Raw updates from `offset` on, validated by the caller. */
  getUpdates(offset: number, options: { waitSeconds: number; limit?: number; signal?: AbortSignal }): Promise<unknown[]> {
    const payload = { offset, timeout: options.waitSeconds, limit: options.limit ?? 100, allowed_updates: allowedUpdates };
    return this.#call('getUpdates', (signal) => this.#telegram.callApi('getUpdates', payload, { signal }), {
      timeoutMs: this.#timeoutMs + options.waitSeconds * 1000,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  setWebhook(url: string, secret: string): Promise<unknown> {
    return this.#call('setWebhook', (signal) => this.#telegram.callApi('setWebhook', { url, secret_token: secret, allowed_updates: allowedUpdates }, { signal }));
  }

  /** Polling and a webhook exclude each other: getUpdates answers 409 while one is set. */
  deleteWebhook(): Promise<unknown> {
    return this.#call('deleteWebhook', (signal) => this.#telegram.callApi('deleteWebhook', { drop_pending_updates: false }, { signal }));
  }

  async #call<T>(method: string, request: (signal: ApiSignal) => Promise<T>, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const timeout = AbortSignal.timeout(options.timeoutMs ?? this.#timeoutMs);
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
      try {
        return await request(signal as unknown as ApiSignal);
      } catch (e) {
        if (options.signal?.aborted) throw e;
        const delay = retryDelay(e, attempt, this.#retry);
        if (delay === null) {
          this.#log.warn('telegram.call_failed', { method, code: errorCode(e), attempts: attempt });
          throw e;
        }
        this.#log.debug('telegram.call_retry', { method, code: errorCode(e), attempt, delayMs: delay });
        await this.#sleep(delay, options.signal);
      }
    }
  }
}
