import type { Channel, OutboundMessage } from './conversation/messages.ts';
import type { Logger } from './log.ts';
import type { ChannelOutbox, DeliveryWindow, Outbox } from './ports/outbox.ts';

/** Routes each outbound message to the adapter of its channel. */
export class ChannelRouter implements Outbox {
  readonly #adapters = new Map<Channel, ChannelOutbox>();
  readonly #log: Logger;

  constructor(log: Logger) {
    this.#log = log;
  }

  register(channel: Channel, adapter: ChannelOutbox): void {
    this.#adapters.set(channel, adapter);
  }

  async send(message: OutboundMessage): Promise<void> {
    const adapter = this.#adapters.get(message.channel);
    if (!adapter) return this.#log.warn('outbound.no_adapter', { channel: message.channel });
    await adapter.send(message);
  }

  /** The conversation's delivery window: undefined where the channel has none, null when it is closed. */
  async windowOf(channel: Channel, conversationId: string): Promise<DeliveryWindow | null | undefined> {
    const windowOf = this.#adapters.get(channel)?.windowOf;
    return windowOf ? windowOf(conversationId) : undefined;
  }

  /** Whether the agency may write first now: WeChat allows it only within 48 hours of the traveller's last message. */
  async canWriteFirst(channel: Channel, conversationId: string): Promise<boolean> {
    const window = await this.windowOf(channel, conversationId);
    return window === undefined || (window !== null && window.remaining > 0);
  }
}
