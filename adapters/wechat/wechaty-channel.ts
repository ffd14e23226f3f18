import type { Message, Wechaty } from 'wechaty';
import { WechatyBuilder } from 'wechaty';
import type * as PUPPET from 'wechaty-puppet';
import type { App } from '../../src/app.ts';
import type { OutboundMessage } from '../../src/conversation/messages.ts';
import { errorFields } from '../../src/log.ts';
import type { Logger } from '../../src/log.ts';
import type { Clock } from '../../src/ports/clock.ts';
import { renderText } from './render-text.ts';
import { toInbound } from './to-inbound.ts';

export interface WechatyChannelOptions {
  puppet: PUPPET.impls.PuppetInterface;
  app: App;
  clock: Clock;
  log: Logger;
  /** Take travellers' messages; false in a `worker`, which only sends. */
  listen: boolean;
  /** The channel's id for a message's media. Default: the message's own id (the puppet can fetch the file by it). */
  mediaRef?: (messageId: string) => string | undefined;
  /** Told, for every message wechaty emits, once the engine has it (or failed to take it). */
  onHandled?: (messageId: string, error?: unknown) => void;
}

/**
 * tripcare on wechaty: a traveller's message goes to the engine, a reply goes out
 * with `puppet.messageSendText` (any conversation, any time: staff replies too).
 * The account's own messages (some puppets echo them) and group chats are ignored.
 */
export class WechatyChannel {
  readonly bot: Wechaty;
  /** Resolves once the puppet has logged in: a scan for personal-account puppets, at once for the Official Account. */
  readonly loggedIn: Promise<void>;
  readonly #options: WechatyChannelOptions;

  constructor(options: WechatyChannelOptions) {
    this.#options = options;
    const { log } = options;
    this.bot = WechatyBuilder.build({ puppet: options.puppet });
    this.loggedIn = new Promise((resolve) => this.bot.once('login', () => resolve()));
    this.bot.on('login', () => log.info('wechat.login', {}));
    this.bot.on('logout', () => log.warn('wechat.logout', {}));
    this.bot.on('scan', (qrcode, status) => log.info('wechat.scan', { status, qrcode }));
    this.bot.on('error', (e) => log.error('wechat.error', errorFields(e)));
    if (options.listen) this.bot.on('message', (msg) => void this.#receive(msg));
  }

  /** Starts the puppet; it need not be logged in yet (see `loggedIn`), as a scan can take a while. */
  async start(): Promise<void> {
    await this.bot.start();
  }

  async send(m: OutboundMessage): Promise<void> {
    await this.#options.puppet.messageSendText(m.conversationId, renderText(m));
  }

  async stop(): Promise<void> {
    await this.bot.stop();
  }

  async #receive(msg: Message): Promise<void> {
    const { puppet, app, clock, log, mediaRef, onHandled } = this.#options;
    let failure: unknown;
    try {
      if (msg.self() || msg.room()) return;
      const inbound = await toInbound(msg, puppet, clock.now(), (id) => mediaRef?.(id) ?? id);
      if (!inbound) return log.debug('wechat.unsupported', { type: msg.type() });
      await app.engine.receive(inbound);
    } catch (e) {
      failure = e;
      log.error('wechat.receive_failed', errorFields(e));
    } finally {
      onHandled?.(msg.id, failure);
    }
  }
}
