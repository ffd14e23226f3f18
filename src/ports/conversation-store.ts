import type { ConversationState } from '../conversation/state.ts';

/**
 * Conversation state by key (`channel:conversationId`). Memory by default;
 * Redis in production.
 *
 * ```ts
 * const state = (await store.read(key)) ?? newConversation(message);
 * const written = await store.write(key, { ...state, turn: state.turn + 1 }); // written.revision = state.revision + 1
 * ```
 */
export interface ConversationStore {
  read(key: string): Promise<ConversationState | undefined>;
  /**
   * Stores `state` as the next revision of the one it was read as, and returns it so written.
   * Throws StaleStateError when another write came in between (or the state was deleted): a turn
   * that outlived its lock must not overwrite a newer turn's state (fencing, as BullMQ's lock tokens).
   */
  write(key: string, state: ConversationState): Promise<ConversationState>;
  delete(key: string): Promise<void>;
}

/** A write refused: the conversation changed since its state was read. The message is answered again, on the new state. */
export class StaleStateError extends Error {
  constructor() {
    super('the conversation changed since its state was read');
    this.name = 'StaleStateError';
  }
}

/** Serialises turns per conversation: at most one `fn` per key runs at a time, in arrival order. */
export interface TurnLock {
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}
