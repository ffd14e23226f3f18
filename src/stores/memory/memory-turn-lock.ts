import type { TurnLock } from '../../ports/conversation-store.ts';

/** Per-key promise chains: each turn starts when the one before it on the same key settles. */
export class MemoryTurnLock implements TurnLock {
  readonly #tails = new Map<string, Promise<unknown>>();

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.#tails.get(key) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.#tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }
}
