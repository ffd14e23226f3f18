import type { ConversationState } from '../../conversation/state.ts';
import type { ConversationStore } from '../../ports/conversation-store.ts';

/** The embedded conversation store. */
export class MemoryConversationStore implements ConversationStore {
  readonly #states = new Map<string, string>();

  async read(key: string): Promise<ConversationState | undefined> {
    const json = this.#states.get(key);
    // Stored as JSON so callers never share objects with the store, as with Redis.
    return json === undefined ? undefined : (JSON.parse(json) as ConversationState);
  }

  async write(key: string, state: ConversationState): Promise<void> {
    this.#states.set(key, JSON.stringify(state));
  }

  async delete(key: string): Promise<void> {
    this.#states.delete(key);
  }
}
