import type { InboundMessage } from '../../conversation/messages.ts';
import { journalId } from '../../ports/inbox.ts';
import type { Acceptance, Inbox, MessageRef } from '../../ports/inbox.ts';

/** The embedded inbox. Message ids are remembered up to `seenLimit`, oldest forgotten first. */
export class MemoryInbox implements Inbox {
  readonly #seen = new Set<string>();
  readonly #open = new Map<string, InboundMessage>();
  readonly #failures = new Map<string, number>();
  readonly #dead = new Map<string, InboundMessage>();
  readonly #seenLimit: number;

  constructor(seenLimit = 100_000) {
    this.#seenLimit = seenLimit;
  }

  async accept(message: InboundMessage): Promise<Acceptance> {
    const id = journalId(message);
    if (this.#seen.has(id)) return this.#open.has(id) ? 'unfinished' : 'done';
    this.#seen.add(id);
    if (this.#seen.size > this.#seenLimit) this.#seen.delete(this.#seen.values().next().value as string);
    this.#open.set(id, structuredClone(message));
    return 'new';
  }

  async done(message: MessageRef): Promise<void> {
    this.#open.delete(journalId(message));
    this.#failures.delete(journalId(message));
  }

  async failed(message: InboundMessage): Promise<number> {
    const count = (this.#failures.get(journalId(message)) ?? 0) + 1;
    this.#failures.set(journalId(message), count);
    return count;
  }

  async deadLetter(message: InboundMessage): Promise<void> {
    const id = journalId(message);
    const open = this.#open.get(id);
    if (!open) return;
    this.#dead.set(id, open);
    this.#open.delete(id);
    this.#failures.delete(id);
  }

  async deadLetters(): Promise<InboundMessage[]> {
    return structuredClone([...this.#dead.values()]);
  }

  async unfinished(): Promise<InboundMessage[]> {
    return structuredClone([...this.#open.values()]);
  }
}
