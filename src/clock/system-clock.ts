import type { Clock } from '../ports/clock.ts';

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }

  setTimer(fn: () => void, ms: number): () => void {
    const timer = setTimeout(fn, ms);
    timer.unref(); // a pending timer alone does not keep the process alive
    return () => clearTimeout(timer);
  }
}
