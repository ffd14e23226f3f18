import { describe, expect, it } from 'vitest';
import type { Job, JobQueue } from '../../src/ports/job-queue.ts';

export interface QueueUnderTest {
  queue: JobQueue;
  /** Lets `ms` of time pass for the queue (a manual clock, or real waiting). */
  pass(ms: number): Promise<void>;
}

/** What every job queue must do, whatever runs it. */
export function jobQueueContract(name: string, make: () => Promise<QueueUnderTest>): void {
  describe(`JobQueue: ${name}`, () => {
    it('runs a job with its data once a worker is there', async () => {
      const { queue, pass } = await make();
      await queue.add('handoff', { caseId: 'TC-1' });
      expect((await queue.waiting('handoff')).map((j) => j.data)).toEqual([{ caseId: 'TC-1' }]);
      const seen: Job[] = [];
      queue.process('handoff', async (job) => void seen.push(job));
      await pass(0);
      expect(seen.map((j) => j.data)).toEqual([{ caseId: 'TC-1' }]);
      expect(await queue.waiting('handoff')).toEqual([]);
      await queue.close();
    });

    it('does not run a delayed job early', async () => {
      const { queue, pass } = await make();
      const seen: string[] = [];
      queue.process('sla.due', async (job) => void seen.push(job.id));
      await queue.add('sla.due', {}, { delayMs: 1_000, jobId: 'later' });
      await pass(500);
      expect(seen).toEqual([]);
      await pass(600);
      expect(seen).toEqual(['later']);
      await queue.close();
    });

    it('adds a job id only once', async () => {
      const { queue } = await make();
      await queue.add('supervisor.alert', { n: 1 }, { jobId: 'once' });
      await queue.add('supervisor.alert', { n: 2 }, { jobId: 'once' });
      expect((await queue.waiting('supervisor.alert')).map((j) => j.data)).toEqual([{ n: 1 }]);
      await queue.close();
    });

    it('serves the most urgent job first', async () => {
      const { queue, pass } = await make();
      await queue.add('handoff', { severity: 'low' }, { priority: 4 });
      await queue.add('handoff', { severity: 'critical' }, { priority: 1 });
      await queue.add('handoff', { severity: 'medium' }, { priority: 3 });
      expect((await queue.waiting('handoff')).map((j) => j.data.severity)).toEqual(['critical', 'medium', 'low']);
      const order: unknown[] = [];
      queue.process('handoff', async (job) => void order.push(job.data.severity));
      await pass(0);
      expect(order).toEqual(['critical', 'medium', 'low']);
      await queue.close();
    });

    it('tries a failed job again', async () => {
      const { queue, pass } = await make();
      let attempts = 0;
      queue.process('case.action', async () => {
        if (++attempts < 2) throw new Error('flaky');
      });
      await queue.add('case.action', {});
      await pass(0);
      await pass(1_500);
      expect(attempts).toBe(2);
      await queue.close();
    });
  });
}
