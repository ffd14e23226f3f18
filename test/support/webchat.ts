import WebSocket from 'ws';
import type { RunningChannel } from '../../adapters/channel.ts';
import type { DirectLineActivity } from '../../adapters/webchat/activity-store.ts';
import { createWebchatStarter } from '../../adapters/webchat/index.ts';
import type { WebchatOptions } from '../../adapters/webchat/index.ts';
import { createApp, memoryParts } from '../../src/app.ts';
import type { App } from '../../src/app.ts';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import { SystemClock } from '../../src/clock/system-clock.ts';
import { loadConfig } from '../../src/config.ts';
import type { Config } from '../../src/config.ts';
import { HttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/log.ts';
import type { Logger } from '../../src/log.ts';
import type { Clock } from '../../src/ports/clock.ts';
import { policy } from './harness.ts';

export const webchatSecret = 'test-secret-0123456789-abcdefghijklmnop';

/** The embedded app with the web chat channel on a real HTTP server (ephemeral port). */
export class WebchatServer {
  readonly app: App<ReturnType<typeof memoryParts>>;
  readonly http: HttpServer;
  readonly clock: Clock;
  base = '';
  channel: RunningChannel | null = null;
  readonly #config: Config;
  readonly #log: Logger;

  private constructor(clock: Clock, env: Record<string, string>) {
    const config = loadConfig({ BURST_WINDOW_MS: '0', WEBCHAT_SECRET: webchatSecret, ...env });
    const log = createLogger('silent');
    this.clock = clock;
    this.app = createApp({ config, parts: memoryParts(clock, log), policy, clock, log });
    this.app.engine.work();
    this.http = new HttpServer(log);
    this.#config = config;
    this.#log = log;
  }

  static async start(options: { env?: Record<string, string>; manualClock?: boolean; webchat?: WebchatOptions; role?: 'start' | 'web' | 'worker' } = {}): Promise<WebchatServer> {
    const clock = options.manualClock ? new ManualClock(new Date('2026-11-21T02:00:00Z')) : new SystemClock();
    const server = new WebchatServer(clock, options.env ?? {});
    server.channel = await createWebchatStarter(options.webchat)({
      app: server.app, http: server.http, config: server.#config, log: server.#log, clock, role: options.role ?? 'start',
    });
    const port = await server.http.listen(0, '127.0.0.1');
    server.base = `http://127.0.0.1:${port}`;
    return server;
  }

  async close(): Promise<void> {
    await this.channel?.close();
    await this.http.close();
    await this.app.close();
  }

  fetch(path: string, init: { method?: string; token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined || init.raw !== undefined) headers['content-type'] ??= 'application/json';
    return fetch(`${this.base}${path}`, { method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'), headers, body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)) });
  }

  /** A token from our page's endpoint, and the conversation it starts. */
  async newConversation(locale = 'en'): Promise<{ conversationId: string; token: string; streamUrl: string }> {
    const issued = (await (await this.fetch('/api/webchat/token', { body: { locale } })).json()) as { token: string };
    const started = await this.fetch('/v3/directline/conversations', { method: 'POST', token: issued.token, body: {} });
    return (await started.json()) as { conversationId: string; token: string; streamUrl: string };
  }

  /** Posts a traveller's message as Web Chat does; resolves to the id the server gave it. */
  async say(c: { conversationId: string; token: string }, text: string, clientActivityID = `c-${Math.random()}`): Promise<string> {
    const res = await this.fetch(`/v3/directline/conversations/${c.conversationId}/activities`, {
      token: c.token, body: { type: 'message', from: { id: 'traveller-1', role: 'user' }, text, locale: 'en-US', textFormat: 'plain', channelData: { clientActivityID } },
    });
    if (res.status !== 200) throw new Error(`post answered ${res.status}`);
    return ((await res.json()) as { id: string }).id;
  }

  async poll(c: { conversationId: string; token: string }, watermark = ''): Promise<{ activities: DirectLineActivity[]; watermark: string }> {
    const res = await this.fetch(`/v3/directline/conversations/${c.conversationId}/activities?watermark=${watermark}`, { token: c.token });
    return (await res.json()) as { activities: DirectLineActivity[]; watermark: string };
  }
}

/** A Direct Line WebSocket, collecting every activity it is sent. */
export class StreamClient {
  readonly activities: DirectLineActivity[] = [];
  readonly ws: WebSocket;
  readonly opened: Promise<void>;
  #waiters: (() => void)[] = [];

  constructor(streamUrl: string) {
    this.ws = new WebSocket(streamUrl);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
      this.ws.once('unexpected-response', (_req, res) => reject(new Error(`stream answered ${res.statusCode}`)));
    });
    this.ws.on('message', (data: Buffer) => {
      if (data.length === 0) return;
      this.activities.push(...(JSON.parse(data.toString()) as { activities: DirectLineActivity[] }).activities);
      for (const wake of this.#waiters.splice(0)) wake();
    });
  }

  /** Waits until `count` activities have come (or fails after `ms`). */
  async until(predicate: (all: DirectLineActivity[]) => boolean, ms = 5_000): Promise<DirectLineActivity[]> {
    const deadline = Date.now() + ms;
    while (!predicate(this.activities)) {
      if (Date.now() > deadline) throw new Error(`stream: condition not met; got ${this.activities.length} activities`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return this.activities;
  }

  close(): void {
    this.ws.close();
  }
}
