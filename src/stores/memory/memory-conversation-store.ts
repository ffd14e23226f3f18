import type { ConversationState } from '../../conversation/state.ts';
import { StaleStateError } from '../../ports/conversation-store.ts';
import type { ConversationStore } from '../../ports/conversation-store.ts';

/** The embedded conversation store. */
export class MemoryConversationStore implements ConversationStore {
  // Stored as JSON so callers never share objects with the store, as with Redis.
  readonly #states = new Map<string, { revision: number; json: string }>();

  async read(key: string): Promise<ConversationState | undefined> {
    const stored = this.#states.get(key);
    return stored === undefined ? undefined : (JSON.parse(stored.json) as ConversationState);
  }

  async write(key: string, state: ConversationState): Promise<ConversationState> {
    if ((this.#states.get(key)?.revision ?? 0) !== state.revision) throw new StaleStateError();
    const written = { ...state, revision: state.revision + 1 };
    this.#states.set(key, { revision: written.revision, json: JSON.stringify(written) });
    return written;
  }

  async delete(key: string): Promise<void> {
    this.#states.delete(key);
  }
}
