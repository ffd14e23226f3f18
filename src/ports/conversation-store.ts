import type { ConversationState } from '../conversation/state.ts';

/**
 * Conversation state by key (`channel:conversationId`). Memory by default;
 * Redis in production.
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
}

/** Serialises turns per conversation: at most one `fn` per key runs at a time, in arrival order. */
export interface TurnLock {
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}
