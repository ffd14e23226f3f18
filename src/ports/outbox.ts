import type { OutboundMessage } from '../conversation/messages.ts';

/** Delivers outbound messages: the channel adapters behind a router. */
export interface Outbox {
  send(message: OutboundMessage): Promise<void>;
}
