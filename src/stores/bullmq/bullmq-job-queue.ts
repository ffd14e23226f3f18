import { Queue, Worker } from 'bullmq';
import type { Job as BullJob, JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '../../log.ts';
import { errorFields } from '../../log.ts';
import type { Job, JobHandler, JobName, JobOptions, JobQueue } from '../../ports/job-queue.ts';
import { jobRetries } from '../../ports/job-queue.ts';
import { settledWithin } from '../../within.ts';
import { closeRedis, commandRedisOptions, redisAnswers, redisOptions } from '../redis/redis-connection.ts';
import { addressOf, errorLog } from '../service-errors.ts';
import { assertJsonSafe } from './json-safe.ts';

export interface BullmqJobQueueOptions {
  /** Redis to keep jobs in, e.g. `redis://127.0.0.1:6379`. */
  url: string;
  log: Logger;
  /** Starts every BullMQ key, so deployments and test files stay apart. Default `tripcare`. */
  prefix?: string;
  /**
   * How long a worker's claim on a running job lasts; renewed at half of it while the
   * worker lives. A job whose worker died runs again after this plus a stalled check.
   * Default 5 s (BullMQ's own 30 s would leave a job hanging for a minute).
   */
  lockDurationMs?: number;
  /** How often workers look for jobs whose worker died. Default 2 s. */
  stalledIntervalMs?: number;
  /** Worker deaths a job survives before it fails for good (BullMQ's default, 1, fails it on the second). Default 3. */
  maxStalledCount?: number;
  /** Jobs of one name a process runs at once. Default 1, as the embedded queue. */
  concurrency?: number;
  /** How long a connection may take to open, or (one that does not block) to answer. Default 5 s. */
  connectTimeoutMs?: number;
  /** How long `close` waits for running jobs before leaving them to run again elsewhere. Default 2 s. */
  stopGraceMs?: number;
}

/** The port's schedule (BullMQ's exponential backoff is the same doubling). */
const retries: Pick<JobsOptions, 'attempts' | 'backoff'> = { attempts: jobRetries.attempts, backoff: { type: 'exponential', delay: jobRetries.firstDelayMs } };

/**
 * The job queue on BullMQ: one BullMQ queue per job name, so `process` is one
 * Worker and `waiting` one listing. Jobs outlive processes; any process may add
 * them and any `worker` process may run them.
 *
 * ```ts
 * const jobs = new BullmqJobQueue({ url: process.env.REDIS_URL, log });
 * jobs.process('handoff', async (job) => { ... });
 * await jobs.add('handoff', { caseId }, { priority: 1, jobId: `handoff:${caseId}` });
 * ```
 */
export class BullmqJobQueue implements JobQueue {
  readonly #url: string;
  readonly #log: Logger;
  readonly #timeoutMs: number;
  readonly #stopGraceMs: number;
  /** One per kind, shared by every connection, queue and worker: a Redis that is away fails them all at once. */
  readonly #logRedisError: (e: unknown) => void;
  readonly #logQueueError: (e: unknown) => void;
  readonly #logWorkerError: (e: unknown) => void;
  readonly #prefix: string;
  readonly #workerOptions: { lockDuration: number; stalledInterval: number; maxStalledCount: number; concurrency: number };
  /** Producers share one connection; each worker has its own, as BullMQ blocks on it. */
  readonly #connection: Redis;
  readonly #queues = new Map<JobName, Queue>();
  readonly #workers = new Map<JobName, { worker: Worker; connection: Redis }>();
  #running = 0;

  constructor(options: BullmqJobQueueOptions) {
    this.#url = options.url;
    this.#log = options.log;
    this.#prefix = options.prefix ?? 'tripcare';
    this.#workerOptions = {
      lockDuration: options.lockDurationMs ?? 5_000,
      stalledInterval: options.stalledIntervalMs ?? 2_000,
      maxStalledCount: options.maxStalledCount ?? 3,
      concurrency: options.concurrency ?? 1,
    };
    this.#timeoutMs = options.connectTimeoutMs ?? 5_000;
    this.#stopGraceMs = options.stopGraceMs ?? 2_000;
    const address = addressOf(this.#url);
    this.#logRedisError = errorLog(this.#log, 'jobs.redis_error', address);
    this.#logQueueError = errorLog(this.#log, 'jobs.queue_error', address);
    this.#logWorkerError = errorLog(this.#log, 'jobs.worker_error', address);
    this.#connection = new Redis(this.#url, { lazyConnect: true, ...commandRedisOptions(this.#timeoutMs) });
    this.#connection.on('error', this.#logRedisError);
  }

  async add(name: JobName, data: Record<string, unknown>, options: JobOptions = {}): Promise<Job> {
    assertJsonSafe(data);
    const job = await this.#queue(name).add(name, data, {
      ...retries,
      priority: options.priority ?? 5,
      delay: options.delayMs ?? 0,
      ...(options.jobId === undefined ? {} : { jobId: toBullId(options.jobId) }),
      // Done jobs go, so an id may be used again, as with the embedded queue; failures are logged.
      removeOnComplete: true,
      removeOnFail: true,
    });
    return toJob(name, job);
  }

  process(name: JobName, handler: JobHandler): void {
    if (this.#workers.has(name)) throw new Error(`a worker for ${name} is already registered`);
    // Workers block on their connection, so it must retry for ever rather than fail a command.
    const connection = new Redis(this.#url, { ...redisOptions(this.#timeoutMs), maxRetriesPerRequest: null });
    connection.on('error', this.#logRedisError);
    const worker = new Worker(name, async (job: BullJob) => {
      this.#running++;
      try {
        await handler(toJob(name, job));
      } finally {
        this.#running--;
      }
    }, { connection, prefix: this.#prefix, ...this.#workerOptions });
    worker.on('failed', (job, e) => {
      // Final once moved to the failed set (finishedOn): stalls also spend tries, so attemptsMade cannot tell.
      this.#log.error('job.failed', { job: name, attempt: job?.attemptsMade ?? null, final: job ? Boolean(job.finishedOn) : null, ...errorFields(e) });
    });
    worker.on('stalled', () => this.#log.warn('job.stalled', { job: name }));
    worker.on('error', this.#logWorkerError);
    this.#workers.set(name, { worker, connection });
  }

  async waiting(name: JobName): Promise<Job[]> {
    const jobs = await this.#queue(name).getJobs(['waiting', 'prioritized', 'delayed']);
    return jobs.filter((j): j is BullJob => j !== undefined && j !== null).map((j) => toJob(name, j)).sort(byUrgency);
  }

  /** The BullMQ queue of each name, opened if not yet: for bull-board to show and manage. */
  queues(names: readonly JobName[]): Queue[] {
    return names.map((name) => this.#queue(name));
  }

  /**
   * Resolves once no job is running here and none of a name with a worker here is due:
   * for tests and for a graceful stop. Gives up after `timeoutMs`.
   */
  async idle(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!(await this.#isIdle())) {
      if (Date.now() > until) throw new Error(`jobs still due or running after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async close(): Promise<void> {
    // Workers first: each finishes its running job, then stops taking new ones. With Redis away
    // it could never record the end, so it stops at once: the job runs again once its lock lapses.
    await Promise.all([...this.#workers.values()].map(async ({ worker, connection }) => {
      // A job waiting on a service that is down would hold the stop: after the grace it is left
      // running (a second close would only wait for the first) and runs again once its lock lapses.
      await settledWithin(worker.close(!(await redisAnswers(connection))), this.#stopGraceMs);
      await closeRedis(connection);
    }));
    this.#workers.clear();
    await Promise.all([...this.#queues.values()].map((q) => q.close()));
    this.#queues.clear();
    await closeRedis(this.#connection);
  }

  #queue(name: JobName): Queue {
    let queue = this.#queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.#connection, prefix: this.#prefix });
      queue.on('error', this.#logQueueError);
      this.#queues.set(name, queue);
    }
    return queue;
  }

  async #isIdle(): Promise<boolean> {
    if (this.#running > 0) return false;
    for (const name of this.#workers.keys()) {
      const queue = this.#queue(name);
      const counts = await queue.getJobCounts('active', 'waiting', 'prioritized');
      if (Object.values(counts).some((n) => n > 0)) return false;
      const delayed = await queue.getJobs(['delayed']);
      if (delayed.some((j) => j && j.timestamp + j.delay <= Date.now())) return false;
    }
    return true;
  }
}

/**
 * BullMQ refuses custom ids that are integers or hold `:` (ours do: `sla:TC-…:…`),
 * so ids are escaped under a `j.` mark and unescaped on the way out.
 */
const toBullId = (id: string): string => `j.${id.replace(/%/g, '%25').replace(/:/g, '%3A')}`;
const fromBullId = (id: string): string => (id.startsWith('j.') ? id.slice(2).replace(/%3A/g, ':').replace(/%25/g, '%') : id);

function toJob(name: JobName, job: BullJob): Job {
  return {
    id: fromBullId(job.id ?? ''),
    name,
    data: job.data as Record<string, unknown>,
    priority: job.priority,
    runAt: new Date(job.timestamp + (job.delay ?? 0)),
  };
}

const byUrgency = (a: Job, b: Job): number => a.priority - b.priority || a.runAt.getTime() - b.runAt.getTime();
