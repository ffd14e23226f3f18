import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { Handler } from '../http/server.ts';
import { jobNames } from '../ports/job-queue.ts';
import type { BullmqJobQueue } from '../stores/bullmq/bullmq-job-queue.ts';

/** bull-board's UI and API over every BullMQ queue, at `basePath` (queue-board.ts routes and guards it). */
export function bullBoard(jobs: Pick<BullmqJobQueue, 'queues'>, basePath: string): Handler {
  const serverAdapter = new HonoAdapter(serveStatic).setBasePath(basePath);
  createBullBoard({ queues: jobs.queues(jobNames).map((queue) => new BullMQAdapter(queue)), serverAdapter });
  return getRequestListener(new Hono({ strict: false }).route(basePath, serverAdapter.registerPlugin()).fetch);
}
