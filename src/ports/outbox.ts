import type { OutboundMessage } from '../conversation/messages.ts';

/**
 * A channel that cannot deliver now, and will not be able to until the traveller
 * writes again (WeChat's 48-hour window, its message quota), throws an error
 * carrying this mark: the engine then holds the message and tells staff.
 */
export interface Undeliverable {
  readonly undeliverable: true;
  readonly reason: string;
}

export const isUndeliverable = (e: unknown): e is Undeliverable =>
  typeof e === 'object' && e !== null && (e as { undeliverable?: unknown }).undeliverable === true;

/** Delivers outbound messages: the channel adapters behind a router. */
export interface Outbox {
  send(message: OutboundMessage): Promise<void>;
}

/** A channel's window for writing first (WeChat's 48 hours after the traveller last wrote), for the staff console. */
export interface DeliveryWindow {
  closesAt: Date;
  /** Messages left before the traveller must write again. */
  remaining: number;
}

/** A channel's sender, as adapters register it: some channels also say when they can deliver. */
export interface ChannelOutbox extends Outbox {
  /** The open window for a conversation, or null when it is closed. Absent: the channel can always deliver. */
  windowOf?(conversationId: string): Promise<DeliveryWindow | null>;
}
