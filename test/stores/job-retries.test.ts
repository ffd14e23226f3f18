import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import { createLogger } from '../../src/log.ts';
import { jobRetries } from '../../src/ports/job-queue.ts';
import { BullmqJobQueue } from '../../src/stores/bullmq/bullmq-job-queue.ts';
import { MemoryJobQueue } from '../../src/stores/memory/memory-job-queue.ts';
import { deleteKeys, redisReachable, redisUrl, uniqueName } from '../support/services.ts';

const up = await redisReachable();
const prefix = uniqueName('tripcare_retries');

/** A queue whose `case.action` jobs fail while `down()` says the service they need is down. */
function failingWhile(down: (attempt: number) => boolean) {
  const clock = new ManualClock();
  const queue = new MemoryJobQueue(clock, createLogger('silent'));
  const tries: number[] = [];
  const start = clock.now().getTime();
  queue.process('case.action', async () => {
    tries.push((clock.now().getTime() - start) / 1000);
    if (down(tries.length)) throw new Error('the database is down');
  });
  const pass = async (seconds: number) => {
    for (let s = 0; s < seconds; s++) {
      clock.advance(1_000);
      await queue.idle();
    }
  };
  return { queue, tries, pass };
}

describe('job retries', () => {
  it('keep a job trying through a two-minute outage', async () => {
    const { queue, tries, pass } = failingWhile((attempt) => attempt < 8);
    await queue.add('case.action', {});
    await queue.idle();
    await pass(130);
    const waits = tries.slice(1).map((t, i) => t - tries[i]!);
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64]); // 127 s: the last try comes after the outage, and succeeds
    await queue.close();
  });

  it('give up after the last try', async () => {
    const { queue, tries, pass } = failingWhile(() => true);
    await queue.add('case.action', {});
    await queue.idle();
    await pass(600);
    expect(tries).toHaveLength(jobRetries.attempts);
    await queue.close();
  });

  afterAll(async () => {
    if (!up) return;
    const redis = new Redis(redisUrl);
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it.runIf(up)('are the same on BullMQ, as the job it stores says', async () => {
    const queue = new BullmqJobQueue({ url: redisUrl, prefix, log: createLogger('silent') });
    const job = await queue.add('case.action', {}, { delayMs: 60_000 });
    const bull = new Queue('case.action', { connection: { url: redisUrl }, prefix });
    const stored = await bull.getJob(job.id);
    expect(stored?.opts).toMatchObject({ attempts: 8, backoff: { type: 'exponential', delay: 1_000 } });
    await bull.close();
    await queue.close();
  });
});
