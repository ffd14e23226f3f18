import type { Logger } from '../log.ts';
import { errorFields } from '../log.ts';
import type { Clock } from '../ports/clock.ts';
import type { Engine } from './engine.ts';

export interface RecoveryLoopOptions {
  /** How often to look for unfinished turns. */
  everyMs: number;
  /** A turn younger than this may still be under way in some process: it is left to finish. */
  graceMs: number;
}

export const recoveryDefaults: RecoveryLoopOptions = { everyMs: 15_000, graceMs: 30_000 };

/**
 * Finishes unfinished turns all the time, not only at start: after a database or Redis outage the
 * messages journaled meanwhile are answered without a restart, and a message that keeps failing is
 * set aside by the engine after a few rounds. One round at a time; `stop` waits for the one under way.
 */
export function keepRecovering(engine: Engine, clock: Clock, log: Logger, options: RecoveryLoopOptions = recoveryDefaults): { stop(): Promise<void> } {
  let cancel: (() => void) | undefined;
  let round: Promise<void> = Promise.resolve();
  let stopped = false;
  const next = () => {
    if (stopped) return;
    cancel = clock.setTimer(() => {
      round = engine.recover(new Date(clock.now().getTime() - options.graceMs))
        .then(() => undefined, (e: unknown) => log.warn('recover.round_failed', errorFields(e))) // storage down: the next round tries again
        .finally(next);
    }, options.everyMs);
  };
  next();
  return {
    async stop() {
      stopped = true;
      cancel?.();
      await round;
    },
  };
}
