import type { InboundMessage } from '../conversation/messages.ts';

/**
 * The journal of inbound messages: a message is accepted here before its
 * channel is told it arrived, and marked done once its turn is committed, so a
 * crash between the two is finished on restart. Accepting also drops repeats.
 */
export interface Inbox {
  /** Journals a message; resolves false when its channel id was accepted before. */
  accept(message: InboundMessage): Promise<boolean>;
  /** Its turn is committed: it need not be handled again. */
  done(message: InboundMessage): Promise<void>;
  /** Accepted but not done, oldest first: turns a crash cut short. */
  unfinished(): Promise<InboundMessage[]>;
}
