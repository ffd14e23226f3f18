import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
// The package's default export is typed as ES but is `module.exports`: import the class by name.
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { expect, vi } from 'vitest';
import { startTelegram } from '../../adapters/telegram/start-telegram.ts';
import type { ChannelSetup } from '../../adapters/channel.ts';
import { createApp, memoryParts } from '../../src/app.ts';
import type { App } from '../../src/app.ts';
import type { InboundMessage } from '../../src/conversation/messages.ts';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import { loadConfig } from '../../src/config.ts';
import { HttpServer } from '../../src/http/server.ts';
import { catalogues } from '../../src/i18n/render.ts';
import { createLogger } from '../../src/log.ts';
import type { CaseRecord } from '../../src/ports/case-register.ts';
import { policy } from './harness.ts';

/** A token of the shape config accepts; the emulator takes any. */
export const botToken = '123456:TESTtokenABCDEFGHIJKLMNOPQRSTU';

/** A port free now (the emulator cannot listen on port 0: it takes 0 for its default, 9000). */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The telegram-test-api Bot API server on a free port, and the Bot API methods called on it, in order. */
export async function startEmulator() {
  const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
  await server.start();
  const methods: string[] = [];
  // Its http.Server is private; listening beside express shows what the bot called (answerCallbackQuery leaves no other trace).
  (server as unknown as { server: Server }).server.on('request', (req: { url?: string }) => {
    const bot = /^\/bot[^/]+\/(\w+)/.exec(req.url ?? '');
    if (bot?.[1]) methods.push(bot[1]);
  });
  return { server, apiRoot: server.config.apiURL, methods };
}

/** A message as the bot sent it to the emulator (the sendMessage request, as stored). */
export interface BotMessage {
  messageId: number;
  message: {
    chat_id: number | string;
    text: string;
    parse_mode?: string;
    reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] };
  };
}

/**
 * A Telegram user in a private chat with the bot, acting through the emulator's client:
 * each action waits for the engine to finish the turn and returns what the bot sent.
 */
export class TelegramUser {
  readonly client: ReturnType<TelegramServer['getClient']>;
  readonly #apiRoot: string;
  readonly #app: App;
  readonly #chatId: number;
  readonly #languageCode: string;
  /** Everything the bot sent this user, oldest first. */
  readonly received: BotMessage[] = [];

  constructor(emulator: { server: TelegramServer; apiRoot: string }, app: App, options: { userId?: number; languageCode?: string } = {}) {
    const userId = options.userId ?? 1001;
    this.#chatId = userId; // a private chat's id is the user's
    this.client = emulator.server.getClient(botToken, { userId, chatId: userId, firstName: 'Mei', userName: 'mei' });
    this.#apiRoot = emulator.apiRoot;
    this.#app = app;
    this.#languageCode = options.languageCode ?? 'en';
  }

  /** Types a message (extra fields such as `photo` or `sticker` go into it). */
  say(text: string, extra: Record<string, unknown> = {}): Promise<BotMessage[]> {
    const message = this.client.makeMessage(text, { from: { language_code: this.#languageCode }, ...extra });
    return this.#turn(() => this.client.sendMessage(message));
  }

  /** Presses the button with this callback data under the bot's latest keyboard. */
  press(data: string): Promise<BotMessage[]> {
    const under = this.received.findLast((m) => m.message.reply_markup);
    const button = under?.message.reply_markup?.inline_keyboard.flat().find((b) => b.callback_data === data);
    if (!under || !button) throw new Error(`no button "${data}" on offer`);
    const query = this.client.makeCallbackQuery(data, {
      from: { language_code: this.#languageCode },
      message: { message_id: under.messageId, text: under.message.text, reply_markup: under.message.reply_markup },
    });
    return this.#turn(() => this.client.sendCallback(query));
  }

  /** The bot's messages the emulator holds for this chat and the client has not read. */
  async unread(): Promise<BotMessage[]> {
    const res = await fetch(`${this.#apiRoot}/getUpdates`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: botToken, chatId: this.#chatId }),
    });
    const { result } = (await res.json()) as { result: BotMessage[] };
    this.received.push(...result);
    return result;
  }

  async #turn(act: () => Promise<unknown>): Promise<BotMessage[]> {
    const turned = once(this.#app.engine, 'turn');
    await act();
    await turned;
    return this.unread();
  }
}

/**
 * The embedded app (as in the harness) with the Telegram channel started on it
 * in `role`, configured by `env` (the token is given).
 */
export async function telegramApp(env: Record<string, string>, role: ChannelSetup['role'] = 'start') {
  const config = loadConfig({ BURST_WINDOW_MS: '0', TELEGRAM_BOT_TOKEN: botToken, ...env });
  const log = createLogger('silent');
  const clock = new ManualClock(new Date('2026-11-21T02:00:00Z'));
  const app = createApp({ config, parts: memoryParts(clock, log), policy, clock, log });
  if (role !== 'web') app.engine.work();
  const http = new HttpServer(log);
  const channel = await startTelegram({ app, http, config, log, clock, role });
  return {
    app, http, channel, config,
    async close() {
      await channel?.close();
      await http.close();
      await app.close();
    },
  };
}

/**
 * Stands between the emulator's webhook delivery and the route, adding the
 * `X-Telegram-Bot-Api-Secret-Token` header that Telegram sends and the emulator does not.
 */
export async function secretAddingRelay(target: () => string, secret: string) {
  const relay = createHttpServer((req, res) => void (async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await fetch(target(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: Buffer.concat(chunks),
    });
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
  })()).listen(0, '127.0.0.1');
  await once(relay, 'listening');
  const { port } = relay.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/relay`, close: () => new Promise((resolve) => relay.close(resolve)) };
}

const happyScript = readFileSync(new URL('../fixtures/scripts/happy-en.jsonl', import.meta.url), 'utf8')
  .trim().split('\n').map((l) => JSON.parse(l) as { text?: string; choice?: string });
export const firstComplaint = happyScript[0]!.text!;

/**
 * Plays test/fixtures/scripts/happy-en.jsonl as `user` (texts typed, choices pressed
 * as the bot's buttons) and checks what Telegram saw: the whole complaint method, a case
 * filed, plain text, one button a row, and every press's spinner stopped.
 */
export async function expectHappyComplaint(user: TelegramUser, app: App, methods: string[]): Promise<void> {
  const cases: CaseRecord[] = [];
  app.engine.on('case', (c) => cases.push(c));
  for (const line of happyScript) {
    const replies = line.choice === undefined ? await user.say(line.text ?? '') : await user.press(line.choice);
    expect(replies.length).toBeGreaterThan(0);
  }
  expect(cases).toHaveLength(1);
  expect(cases[0]).toMatchObject({ category: 'accommodation', status: 'pending_approval', steps: ['listen', 'restate', 'apologise', 'propose', 'confirm', 'thank', 'report'] });
  const texts = user.received.map((m) => m.message.text);
  expect(texts[0]).toBe(catalogues.en['ask.tour']);
  expect(texts.at(-3)).toBe(catalogues.en['thank.complaint']);
  expect(texts.at(-1)).toContain(catalogues.en['survey.ask.bot']); // then the satisfaction survey
  expect(user.received.every((m) => m.message.parse_mode === undefined)).toBe(true);
  const keyboards = user.received.flatMap((m) => (m.message.reply_markup ? [m.message.reply_markup.inline_keyboard] : []));
  expect(keyboards.length).toBeGreaterThanOrEqual(5);
  expect(keyboards.every((rows) => rows.every((row) => row.length === 1))).toBe(true);
  expect(methods.filter((m) => m === 'answerCallbackQuery')).toHaveLength(happyScript.filter((l) => l.choice).length);
}

/** What the engine is handed from now on, by spying on (and calling through) `receive`. */
export function heard(app: App): () => InboundMessage[] {
  const spy = vi.spyOn(app.engine, 'receive');
  return () => spy.mock.calls.map(([m]) => m);
}

type Answer = { status: number; body: unknown };
export const okAnswer: Answer = { status: 200, body: { ok: true, result: true } };

/**
 * A Bot API stand-in for the failures the emulator cannot produce (429, 5xx, 400):
 * answers calls from `script` in order, then `okAnswer`, and records each call.
 */
export async function scriptedBotApi(script: Answer[]) {
  const calls: { method: string; payload: Record<string, unknown> }[] = [];
  const server = createHttpServer((req, res) => void (async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    calls.push({ method: req.url?.split('/').at(-1) ?? '', payload: JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown> });
    const answer = script.shift() ?? okAnswer;
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  })()).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return { apiRoot: `http://127.0.0.1:${port}`, calls, close: () => new Promise((resolve) => server.close(resolve)) };
}
