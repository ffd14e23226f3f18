import { sendJson } from '../http/server.ts';
import type { Handler, HttpServer } from '../http/server.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { StaffAuth } from '../staff/staff-auth.ts';
import type { BullmqJobQueue } from '../stores/bullmq/bullmq-job-queue.ts';
import { checkOrigin, requireStaff } from './staff-session.ts';

const basePath = '/admin/queues';
/** Those bull-board's UI and API use: reading, and retrying, promoting, cleaning, pausing jobs. */
const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const safeMethods = new Set(['GET', 'HEAD']);

/**
 * bull-board at /admin/queues, for admins only: the BullMQ queues, their jobs, and
 * retrying or removing them. With in-process jobs there is nothing to show: a 404 says so.
 */
export function routeQueueBoard(http: HttpServer, { auth, jobs }: { auth: StaffAuth; jobs: JobQueue }): void {
  // bull-board and Hono are loaded when an admin first opens the board, not by every process.
  let loaded: Promise<Handler> | undefined;
  const board: Handler = async (req, res) => {
    loaded ??= hasQueues(jobs) ? import('./bull-board.ts').then((m) => m.bullBoard(jobs, basePath)) : Promise.resolve(inProcess);
    await (await loaded)(req, res);
  };
  const guarded: Handler = async (req, res) => {
    // bull-board's own requests carry no CSRF token; the SameSite=Strict cookie and the Origin check stand in.
    if (!safeMethods.has(req.method ?? '') && !checkOrigin(req, res)) return;
    if (!(await requireStaff(req, res, auth, { csrf: false, roles: ['admin'] }))) return;
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-content-type-options', 'nosniff');
    await board(req, res);
  };
  for (const method of methods) http.route(method, basePath, guarded).route(method, `${basePath}/*`, guarded);
}

/** BullMQ's queue, which bull-board can show; in-process jobs it cannot. */
const hasQueues = (jobs: JobQueue): jobs is JobQueue & Pick<BullmqJobQueue, 'queues'> => typeof (jobs as Partial<BullmqJobQueue>).queues === 'function';

const inProcess: Handler = (_req, res) => sendJson(res, 404, { error: 'the job queue is in-process: start with REDIS_URL to see BullMQ queues' });
