import type { Clock } from '../../ports/clock.ts';
import type { Job, JobHandler, JobName, JobOptions, JobQueue } from '../../ports/job-queue.ts';
import { retryDelayMs } from '../../ports/job-queue.ts';
import type { Logger } from '../../log.ts';
import { errorFields } from '../../log.ts';

interface Entry {
  job: Job;
  attempts: number;
}

/**
 * The embedded job queue: in-process, driven by the clock, one job at a time
 * in order of due time and priority. Lost when the process ends.
 */
export class MemoryJobQueue implements JobQueue {
  readonly #entries = new Map<string, Entry>();
  readonly #handlers = new Map<JobName, JobHandler>();
  readonly #cancels = new Set<() => void>();
  readonly #clock: Clock;
  readonly #log: Logger;
  #draining: Promise<void> = Promise.resolve();
  #seq = 0;

  constructor(clock: Clock, log: Logger) {
    this.#clock = clock;
    this.#log = log;
  }

  async add(name: JobName, data: Record<string, unknown>, options: JobOptions = {}): Promise<Job> {
    const id = options.jobId ?? `${name}:${++this.#seq}`;
    const known = this.#entries.get(id);
    if (known) return known.job;
    const delayMs = options.delayMs ?? 0;
    const job: Job = { id, name, data, priority: options.priority ?? 5, runAt: new Date(this.#clock.now().getTime() + delayMs) };
    this.#entries.set(id, { job, attempts: 0 });
    this.#wakeAfter(delayMs);
    return job;
  }

  process(name: JobName, handler: JobHandler): void {
    this.#handlers.set(name, handler);
    this.#wakeAfter(0);
  }

  async waiting(name: JobName): Promise<Job[]> {
    return [...this.#entries.values()].map((e) => e.job).filter((j) => j.name === name).sort(byUrgency);
  }

  /** Resolves once every due job with a worker has run. */
  async idle(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.#draining) {
      seen = this.#draining;
      await seen;
    }
  }

  async close(): Promise<void> {
    for (const cancel of this.#cancels) cancel();
    this.#cancels.clear();
    this.#handlers.clear();
    await this.idle();
  }

  #wakeAfter(ms: number): void {
    const cancel = this.#clock.setTimer(() => {
      this.#cancels.delete(cancel);
      this.#draining = this.#draining.then(() => this.#drain());
    }, ms);
    this.#cancels.add(cancel);
  }

  async #drain(): Promise<void> {
    for (;;) {
      const now = this.#clock.now().getTime();
      const due = [...this.#entries.values()]
        .filter((e) => e.job.runAt.getTime() <= now && this.#handlers.has(e.job.name))
        .sort((a, b) => byUrgency(a.job, b.job))[0];
      if (!due) return;
      this.#entries.delete(due.job.id);
      await this.#run(due);
    }
  }

  async #run(entry: Entry): Promise<void> {
    const handler = this.#handlers.get(entry.job.name);
    try {
      await handler?.(entry.job);
    } catch (e) {
      const delayMs = retryDelayMs(entry.attempts + 1);
      this.#log.error('job.failed', { job: entry.job.name, attempt: entry.attempts + 1, ...errorFields(e) });
      if (delayMs === undefined) return;
      const runAt = new Date(this.#clock.now().getTime() + delayMs);
      this.#entries.set(entry.job.id, { job: { ...entry.job, runAt }, attempts: entry.attempts + 1 });
      this.#wakeAfter(delayMs);
    }
  }
}

const byUrgency = (a: Job, b: Job): number => a.priority - b.priority || a.runAt.getTime() - b.runAt.getTime();
