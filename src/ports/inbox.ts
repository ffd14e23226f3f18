import type { InboundMessage } from '../conversation/messages.ts';

/**
 * How a delivery stands: `new` (journaled now), `unfinished` (journaled before,
 * its turn not done: a retry after a failure, or a duplicate in flight) or `done`.
 */
export type Acceptance = 'new' | 'unfinished' | 'done';

/** What names a journaled message. */
export type MessageRef = Pick<InboundMessage, 'channel' | 'messageId'>;

/** A message's id in the journal: channel ids are unique only within their channel. */
export const journalId = (m: MessageRef): string => `${m.channel}:${m.messageId}`;

/**
 * The journal of inbound messages: a message is accepted here before its
 * channel is told it arrived, and marked done once its turn is committed, so a
 * crash between the two is finished on restart. Accepting also tells repeats.
 */
export interface Inbox {
  /** Journals a message, unless its channel id was accepted before. */
  accept(message: InboundMessage): Promise<Acceptance>;
  /** Its turn is committed: it need not be handled again. */
  done(message: MessageRef): Promise<void>;
  /** Accepted but not done, oldest first: turns a crash cut short. */
  unfinished(): Promise<InboundMessage[]>;
  /** Its turn failed again: how many times it has failed so far. */
  failed(message: InboundMessage): Promise<number>;
  /** Set aside after too many failures: no longer unfinished (the others go on), kept for staff. */
  deadLetter(message: InboundMessage): Promise<void>;
  /** The messages set aside, oldest first. */
  deadLetters(): Promise<InboundMessage[]>;
}
