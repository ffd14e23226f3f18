import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import { routeQueueBoard } from '../../src/console/queue-board.ts';
import { HttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/log.ts';
import type { JobQueue } from '../../src/ports/job-queue.ts';
import type { StaffRole } from '../../src/staff/roles.ts';
import { addStaff } from '../../src/staff/add-staff.ts';
import { StaffAuth } from '../../src/staff/staff-auth.ts';
import { BullmqJobQueue } from '../../src/stores/bullmq/bullmq-job-queue.ts';
import { MemoryAuditLog } from '../../src/stores/memory/memory-audit-log.ts';
import { jobNames } from '../../src/ports/job-queue.ts';
import { MemoryJobQueue } from '../../src/stores/memory/memory-job-queue.ts';
import { MemoryRateLimits } from '../../src/stores/memory/memory-rate-limits.ts';
import { MemoryStaffDirectory } from '../../src/stores/memory/memory-staff-directory.ts';
import { deleteKeys, redisReachable, redisUrl, uniqueName } from '../support/services.ts';

const up = await redisReachable();
const prefix = uniqueName('tripcare_board');
const cheap = { N: 2 ** 10, r: 8, p: 1 };
const password = 'Correct-horse-12';
const log = createLogger('silent');
const clock = new ManualClock(new Date('2026-11-21T08:00:00.000Z'));

let http: HttpServer | undefined;
afterEach(() => http?.close());

/** A server with the board over `jobs`, and the session cookie of an admin and of an agent. */
async function board(jobs: JobQueue) {
  const staff = new MemoryStaffDirectory();
  const audit = new MemoryAuditLog();
  const auth = new StaffAuth({ staff, audit, clock, limits: new MemoryRateLimits(), scrypt: cheap });
  const cookieOf = async (username: string, role: StaffRole) => {
    await addStaff({ staff, audit, clock, actor: 'cli', scrypt: cheap }, { username, displayName: username, role, password });
    const result = await auth.login(username, password, '127.0.0.1');
    if (!result.ok) throw new Error(`${username} could not sign in`);
    return { cookie: `__Host-tc_session=${result.token}` };
  };
  http = new HttpServer(log);
  routeQueueBoard(http, { auth, jobs });
  const base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  return { base, admin: await cookieOf('ada', 'admin'), agent: await cookieOf('sam', 'agent') };
}

describe.skipIf(!up)(`the queue board over BullMQ (${redisUrl})`, () => {
  const jobs = new BullmqJobQueue({ url: redisUrl, prefix, log });
  beforeAll(() => jobs.add('handoff', { caseId: 'TC-7K3M9Q' }, { jobId: 'handoff:TC-7K3M9Q', delayMs: 60_000 }));
  afterAll(async () => {
    await jobs.close();
    const redis = new Redis(redisUrl);
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it('shows the board page and its assets to admins only, with security headers', async () => {
    const { base, admin, agent } = await board(jobs);
    const anonymous = await fetch(`${base}/admin/queues`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: 'sign in first: there is no session, or it has ended', code: 'session_required' });
    const refused = await fetch(`${base}/admin/queues`, { headers: agent });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: 'this is for staff with the role admin', code: 'forbidden_role', roles: ['admin'] });

    for (const path of ['/admin/queues', '/admin/queues/', '/admin/queues/queue/handoff']) {
      const page = await fetch(`${base}${path}`, { headers: admin });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(await page.text()).toContain('<base href="/admin/queues/"');
    }

    const html = await (await fetch(`${base}/admin/queues`, { headers: admin })).text();
    const script = /<script[^>]* src="(static\/js\/main\.[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${base}/admin/queues/${script}`, { headers: admin });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await asset.text()).length).toBeGreaterThan(1000);
    expect((await fetch(`${base}/admin/queues/${script}`)).status).toBe(401);
  });

  it("lists tripcare's queues and their jobs in the board's API, to admins only", async () => {
    const { base, admin, agent } = await board(jobs);
    const api = `${base}/admin/queues/api/queues?activeQueue=handoff&status=delayed`;
    expect((await fetch(api)).status).toBe(401);
    expect((await fetch(api, { headers: agent })).status).toBe(403);

    const res = await fetch(api, { headers: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const { queues } = (await res.json()) as { queues: { name: string; counts: Record<string, number>; jobs: { id: string; data: unknown }[] }[] };
    expect(queues.map((q) => q.name).sort()).toEqual([...jobNames].sort());
    const handoff = queues.find((q) => q.name === 'handoff');
    expect(handoff?.counts.delayed).toBe(1);
    expect(handoff?.jobs.map((j) => j.data)).toEqual([{ caseId: 'TC-7K3M9Q' }]);
  });

  it('refuses state-changing requests from another site, and takes them from its own', async () => {
    const { base, admin, agent } = await board(jobs);
    const [handoff] = jobs.queues(['handoff']);
    const pause = (headers: Record<string, string>) => fetch(`${base}/admin/queues/api/queues/handoff/pause`, { method: 'PUT', headers });

    for (const method of ['PUT', 'POST', 'DELETE']) {
      const foreign = await fetch(`${base}/admin/queues/api/queues/handoff/pause`, { method, headers: { ...admin, origin: 'https://evil.example' } });
      expect(foreign.status).toBe(403);
      expect(await foreign.json()).toEqual({ error: 'this request came from another site', code: 'foreign_origin' });
    }
    expect((await pause({ ...agent, origin: base })).status).toBe(403);
    expect((await pause({ origin: base })).status).toBe(401);
    expect(await handoff!.isPaused()).toBe(false);

    const own = await pause({ ...admin, origin: base });
    expect(own.status).toBe(200);
    expect(own.headers.get('x-frame-options')).toBe('DENY');
    expect(await handoff!.isPaused()).toBe(true);
    await handoff!.resume();
  });
});

describe('the queue board over in-process jobs', () => {
  it('tells admins, and only them, that there are no BullMQ queues to show', async () => {
    const { base, admin, agent } = await board(new MemoryJobQueue(clock, log));
    expect((await fetch(`${base}/admin/queues`)).status).toBe(401);
    expect((await fetch(`${base}/admin/queues`, { headers: agent })).status).toBe(403);
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      const res = await fetch(`${base}${path}`, { headers: admin });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'the job queue is in-process: start with REDIS_URL to see BullMQ queues' });
    }
  });
});
