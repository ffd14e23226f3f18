import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import type { Job } from '../../src/ports/job-queue.ts';
import { BullmqJobQueue } from '../../src/stores/bullmq/bullmq-job-queue.ts';
import { jobQueueContract } from '../contracts/job-queue.contract.ts';
import { Child } from '../support/child.ts';
import { deleteKeys, redisReachable, redisUrl, uniqueName } from '../support/services.ts';

const up = await redisReachable();
const prefix = uniqueName('tripcare_test');
let made = 0;
/** A queue of its own: each test its own BullMQ prefix, so leftovers of one never reach another. */
const newQueue = () => new BullmqJobQueue({ url: redisUrl, prefix: `${prefix}_${++made}`, log: createLogger('silent') });

describe.skipIf(!up)(`BullMQ job queue (${redisUrl})`, () => {
  afterAll(async () => {
    const redis = new Redis(redisUrl);
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  jobQueueContract('bullmq', async () => {
    const queue = newQueue();
    return {
      queue,
      async pass(ms) {
        await sleep(ms);
        await queue.idle();
      },
    };
  });

  it('keeps ids BullMQ would refuse, and lists delayed and prioritized jobs by urgency', async () => {
    const queue = newQueue();
    await queue.add('sla.due', { n: 1 }, { jobId: 'sla:TC-7K3M9Q:1763712000000', delayMs: 60_000, priority: 1 });
    await queue.add('sla.due', { n: 2 }, { jobId: '42', priority: 3 });
    await queue.add('sla.due', { n: 3 }, { jobId: '100%:done' });
    const waiting = await queue.waiting('sla.due');
    expect(waiting.map((j) => [j.id, j.priority])).toEqual([['sla:TC-7K3M9Q:1763712000000', 1], ['42', 3], ['100%:done', 5]]);
    expect(waiting[0]!.runAt.getTime() - Date.now()).toBeGreaterThan(55_000);
    await queue.close();
  });

  it('closes within its stop grace while a job waits on something that never answers, leaving the job to run again', async () => {
    const queue = new BullmqJobQueue({ url: redisUrl, prefix: `${prefix}_${++made}`, log: createLogger('silent'), stopGraceMs: 500 });
    let running: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (running = resolve));
    queue.process('handoff', async () => {
      running();
      await new Promise(() => undefined); // a statement to a database that has gone silent
    });
    await queue.add('handoff', { caseId: 'TC-STUCK1' });
    await started;
    const closing = Date.now();
    await queue.close();
    expect(Date.now() - closing).toBeLessThan(500 + 1_500);
  });

  it('refuses data JSON would change', async () => {
    const queue = newQueue();
    await expect(queue.add('handoff', { at: new Date() })).rejects.toThrow('data.at is a Date');
    await expect(queue.add('handoff', { list: [1, undefined] })).rejects.toThrow('data.list[1] is undefined');
    await queue.close();
  });

  it('runs a job again, elsewhere, when its worker process is SIGKILLed, twice', async () => {
    const queue = newQueue();
    const childPrefix = `${prefix}_${made}`;
    await queue.add('handoff', { caseId: 'TC-KILL22' }, { jobId: 'handoff:TC-KILL22:high', priority: 2 });

    const first = new Child('bullmq-worker-child.ts', [redisUrl, childPrefix]);
    expect((await first.next('started')).data).toEqual({ caseId: 'TC-KILL22' });
    const firstKilledAt = Date.now();
    await first.kill();

    const second = new Child('bullmq-worker-child.ts', [redisUrl, childPrefix]);
    expect(await second.next('started', 12_000)).toMatchObject({ id: 'handoff:TC-KILL22:high', data: { caseId: 'TC-KILL22' } });
    const firstRecoveryMs = Date.now() - firstKilledAt;
    const secondKilledAt = Date.now();
    await second.kill();

    const done = new Promise<Job>((resolve) => queue.process('handoff', async (job) => resolve(job)));
    const job = await Promise.race([done, sleep(12_000).then(() => undefined)]);
    const secondRecoveryMs = Date.now() - secondKilledAt;
    expect(job).toMatchObject({ id: 'handoff:TC-KILL22:high', data: { caseId: 'TC-KILL22' }, priority: 2 });
    // lockDuration 5 s + one stalled check of 2 s, and some slack for a loaded machine.
    expect(firstRecoveryMs).toBeLessThan(9_000);
    expect(secondRecoveryMs).toBeLessThan(9_000);
    await queue.idle();
    expect(await queue.waiting('handoff')).toEqual([]);
    await queue.close();
  }, 30_000);
});
