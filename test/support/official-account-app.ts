import { startWechat } from '../../adapters/wechat/index.ts';
import type { RunningWechat } from '../../adapters/wechat/index.ts';
import { createApp, memoryParts } from '../../src/app.ts';
import type { App } from '../../src/app.ts';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import { loadConfig } from '../../src/config.ts';
import type { ConversationState } from '../../src/conversation/state.ts';
import { HttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/log.ts';
import type { Understanding } from '../../src/ports/understanding.ts';
import { FakeWechat } from './fake-wechat.ts';
import { policy } from './harness.ts';

export const appId = 'wx1234567890abcdef';
export const aesKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
export const account = 'gh_agency000001';

export interface OfficialAccountAppOptions {
  /** Safe mode (encrypted pushes). */
  safe?: boolean;
  understanding?: Understanding;
  /** Changes the embedded parts before the app is made (e.g. a store that fails once). */
  parts?: (parts: ReturnType<typeof memoryParts>) => void;
  /** More configuration for the channel (e.g. REDIS_URL). */
  env?: Record<string, string>;
  /** Default `start`. */
  role?: 'start' | 'web' | 'worker';
}

/**
 * The embedded app (memory parts, manual clock, no burst window) with the WeChat
 * channel on tripcare's Official Account puppet, listening on loopback, and a
 * fake WeChat on both sides of it.
 */
export class OfficialAccountApp {
  readonly clock = new ManualClock(new Date('2026-11-21T02:00:00Z'));
  readonly app: App<ReturnType<typeof memoryParts>>;
  readonly wechat: FakeWechat;
  readonly http: HttpServer;
  readonly #options: OfficialAccountAppOptions;
  running!: RunningWechat;
  #msgNo = 1_000_000;

  constructor(options: OfficialAccountAppOptions = {}) {
    this.#options = options;
    const log = createLogger(process.env.WECHAT_TEST_LOG === '1' ? 'debug' : 'silent');
    const parts = memoryParts(this.clock, log);
    options.parts?.(parts);
    const config = loadConfig({ BURST_WINDOW_MS: '0' });
    this.app = createApp({ config, parts, policy, clock: this.clock, log, ...(options.understanding ? { understanding: options.understanding } : {}) });
    this.app.engine.work();
    this.http = new HttpServer(log);
    this.wechat = new FakeWechat({ appId, appSecret: 'the-app-secret', token: 'tripcareToken', now: () => this.clock.now(), ...(options.safe ? { aesKey } : {}) });
  }

  async start(): Promise<this> {
    const apiBase = await this.wechat.listen();
    const log = createLogger(process.env.WECHAT_TEST_LOG === '1' ? 'debug' : 'silent');
    const config = loadConfig({
      BURST_WINDOW_MS: '0', WECHAT_PUPPET: 'official-account', WECHAT_OA_APP_ID: appId, WECHAT_OA_APP_SECRET: 'the-app-secret',
      WECHAT_OA_TOKEN: 'tripcareToken', WECHAT_OA_API_BASE: apiBase, ...(this.#options.safe ? { WECHAT_OA_AES_KEY: aesKey } : {}),
      ...this.#options.env,
    });
    const running = await startWechat({ app: this.app, http: this.http, config, log, clock: this.clock, role: this.#options.role ?? 'start' });
    if (!running) throw new Error('the WeChat channel is off');
    this.running = running;
    this.wechat.appUrl = `http://127.0.0.1:${await this.http.listen(0, '127.0.0.1')}`;
    return this;
  }

  async close(): Promise<void> {
    await this.http.close();
    await this.app.close();
    await this.running.close();
    await this.wechat.close();
  }

  /** A text message from `openId`, as WeChat pushes it. */
  text(openId: string, content: string, msgId = this.nextMsgId()): Record<string, string | number> {
    return { ...this.header(openId, 'text'), Content: content, MsgId: msgId };
  }

  header(openId: string, msgType: string): Record<string, string | number> {
    return { ToUserName: account, FromUserName: openId, CreateTime: Math.floor(this.clock.now().getTime() / 1000), MsgType: msgType };
  }

  nextMsgId(): string {
    return `2470${++this.#msgNo}`;
  }

  conversation(openId: string): Promise<ConversationState | undefined> {
    return this.app.parts.store.read(`wechat:${openId}`);
  }
}
