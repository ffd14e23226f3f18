import type { Logger } from '../../log.ts';
import { errorFields } from '../../log.ts';
import type { DeskEvent, DeskFeed } from '../../ports/desk-feed.ts';

/** The embedded desk feed: one process, so publishing calls every listener directly. */
export class MemoryDeskFeed implements DeskFeed {
  readonly #listeners = new Set<(event: DeskEvent) => void>();
  readonly #log: Logger | undefined;

  constructor(log?: Logger) {
    this.#log = log;
  }

  async publish(event: DeskEvent): Promise<void> {
    // A copy, as Redis would give: a later change by the publisher must not reach listeners.
    const copy = structuredClone(event);
    for (const listener of this.#listeners) {
      try {
        listener(copy);
      } catch (e) {
        // One broken console must not keep the event from the others, nor fail the change that published it.
        this.#log?.warn('desk_feed.listener_failed', errorFields(e));
      }
    }
  }

  async subscribe(listener: (event: DeskEvent) => void): Promise<() => void> {
    // Its own entry, so the same function subscribed twice is two subscriptions.
    const entry = (event: DeskEvent) => listener(event);
    this.#listeners.add(entry);
    return () => this.#listeners.delete(entry);
  }

  async close(): Promise<void> {
    this.#listeners.clear();
  }
}
