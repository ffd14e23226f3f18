import type { Channel } from '../../conversation/messages.ts';
import type { ConversationState } from '../../conversation/state.ts';
import type { ConversationStore } from '../../ports/conversation-store.ts';

/** The embedded conversation store. Message ids are remembered up to `seenLimit`, oldest forgotten first. */
export class MemoryConversationStore implements ConversationStore {
  readonly #states = new Map<string, string>();
  readonly #seen = new Set<string>();
  readonly #seenLimit: number;

  constructor(seenLimit = 100_000) {
    this.#seenLimit = seenLimit;
  }

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

  async markSeen(channel: Channel, messageId: string): Promise<boolean> {
    const id = `${channel}:${messageId}`;
    if (this.#seen.has(id)) return false;
    this.#seen.add(id);
    if (this.#seen.size > this.#seenLimit) this.#seen.delete(this.#seen.values().next().value as string);
    return true;
  }
}
