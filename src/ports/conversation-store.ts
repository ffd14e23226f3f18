import type { Channel } from '../conversation/messages.ts';
import type { ConversationState } from '../conversation/state.ts';

/**
 * Conversation state by key (`channel:conversationId`) and the record of
 * channel message ids already seen. Memory by default; Redis in production.
 *
 * ```ts
 * const state = (await store.read(key)) ?? newConversation(message);
 * await store.write(key, { ...state, turn: state.turn + 1 });
 * ```
 */
export interface ConversationStore {
  read(key: string): Promise<ConversationState | undefined>;
  write(key: string, state: ConversationState): Promise<void>;
  delete(key: string): Promise<void>;
  /** Records a channel message id; resolves false when it was recorded before. */
  markSeen(channel: Channel, messageId: string): Promise<boolean>;
}

/** Serialises turns per conversation: at most one `fn` per key runs at a time, in arrival order. */
export interface TurnLock {
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}
