import type { InboundMessage } from '../../conversation/messages.ts';
import type { Acceptance, Inbox } from '../../ports/inbox.ts';

const idOf = (m: InboundMessage) => `${m.channel}:${m.messageId}`;

/** The embedded inbox. Message ids are remembered up to `seenLimit`, oldest forgotten first. */
export class MemoryInbox implements Inbox {
  readonly #seen = new Set<string>();
  readonly #open = new Map<string, InboundMessage>();
  readonly #seenLimit: number;

  constructor(seenLimit = 100_000) {
    this.#seenLimit = seenLimit;
  }

  async accept(message: InboundMessage): Promise<Acceptance> {
    const id = idOf(message);
    if (this.#seen.has(id)) return this.#open.has(id) ? 'unfinished' : 'done';
    this.#seen.add(id);
    if (this.#seen.size > this.#seenLimit) this.#seen.delete(this.#seen.values().next().value as string);
    this.#open.set(id, structuredClone(message));
    return 'new';
  }

  async done(message: InboundMessage): Promise<void> {
    this.#open.delete(idOf(message));
  }

  async unfinished(): Promise<InboundMessage[]> {
    return structuredClone([...this.#open.values()]);
  }
}
