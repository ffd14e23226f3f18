// A worker process that takes 'handoff' jobs and hangs in them until it is killed.
// argv: redisUrl prefix
import { createLogger } from '../../../src/log.ts';
import { BullmqJobQueue } from '../../../src/stores/bullmq/bullmq-job-queue.ts';

const [url = '', prefix = ''] = process.argv.slice(2);
const jobs = new BullmqJobQueue({ url, prefix, log: createLogger('silent') });
jobs.process('handoff', async (job) => {
  process.send?.({ type: 'started', id: job.id, data: job.data });
  await new Promise(() => {}); // until killed
});
process.send?.({ type: 'ready' });
