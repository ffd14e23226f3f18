import type { Clock } from '../../../src/ports/clock.ts';
import type { ReplayGuard } from './replay-guard.ts';

/** Claims in this process's memory; the expired ones are swept as new ones come. */
export class MemoryReplayGuard implements ReplayGuard {
  readonly #claims = new Map<string, number>();
  readonly #clock: Clock;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const now = this.#clock.now().getTime();
    for (const [k, expiresAt] of this.#claims) {
      if (expiresAt > now) break; // kept in claim order, so the rest are younger (for one ttl)
      this.#claims.delete(k);
    }
    if ((this.#claims.get(key) ?? 0) > now) return false;
    this.#claims.delete(key);
    this.#claims.set(key, now + ttlMs);
    return true;
  }

  async release(key: string): Promise<void> {
    this.#claims.delete(key);
  }
}
