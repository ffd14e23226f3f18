import type { IncomingMessage, ServerResponse } from 'node:http';
import { problem } from '../desk/desk-error.ts';
import type { StaffDesk } from '../desk/staff-desk.ts';
import type { Teams } from '../desk/teams.ts';
import { openEventStream } from '../http/event-stream.ts';
import type { RateLimiter } from '../ports/rate-limits.ts';
import { sendJson } from '../http/server.ts';
import type { HttpServer } from '../http/server.ts';
import type { Clock } from '../ports/clock.ts';
import type { DeskFeed } from '../ports/desk-feed.ts';
import type { StaffDirectory } from '../ports/staff-directory.ts';
import type { StaffAuth } from '../staff/staff-auth.ts';
import * as api from './desk-api.ts';
import type { Action } from './route-kit.ts';
import { action, answer, ok, pathAfter, pick, run, runAction } from './route-kit.ts';
import { requireStaff } from './staff-session.ts';

export interface DeskRouteParts {
  desk: StaffDesk;
  auth: StaffAuth;
  /** Staff actions, counted per person across the API. */
  limiter: RateLimiter;
  feed: DeskFeed;
  staff: StaffDirectory;
  teams: Teams;
  clock: Clock;
}

/**
 * The desk API under /api: the queue, conversations and what staff do with them, the staff
 * list for pickers, and /api/events, a live feed of what changed. Input is checked with zod;
 * every answer is JSON, errors as `{ error, code }` (see desk-error.ts).
 */
export function routeDesk(http: HttpServer, p: DeskRouteParts): void {
  const { limiter } = p;
  const { desk } = p;
  const actions: Record<string, Action> = {
    claim: action(api.emptyBody, async (actor, id) => ({ ticket: await desk.claim(actor, id) })),
    messages: action(api.messageBody, async (actor, id, { text }) => ok(desk.say(actor, id, text))),
    notes: action(api.noteBody, async (actor, id, { text }) => ok(desk.note(actor, id, text))),
    close: action(api.closeBody, async (actor, id, { resolution, responsible }) => ok(desk.close(actor, id, { code: resolution, responsible }))),
    handback: action(api.emptyBody, async (actor, id) => ok(desk.handBack(actor, id))),
    escalate: action(api.escalateBody, async (actor, id, { grounds }) => ({ ticket: await desk.escalate(actor, id, grounds) })),
    assign: action(api.assignBody, async (actor, id, { staffId }) => ({ ticket: await desk.assign(actor, id, staffId) })),
    share: action(api.shareBody, async (actor, id, { partnerId }) => ok(desk.share(actor, id, partnerId))),
  };
  const approve = (remedyId: string) => action(api.approveBody, async (actor, id, { amount }) => ok(desk.approve(actor, id, remedyId, amount)));

  http.route('GET', '/api/queue', async (req, res) => {
    const session = await requireStaff(req, res, p.auth, { csrf: false });
    if (!session) return;
    const team = new URL(req.url ?? '/', 'http://local').searchParams.get('team') ?? undefined;
    const [items, setAside] = await Promise.all([desk.queue(session.staff, { team }), desk.setAside(session.staff)]);
    answer(res, 200, { items, teams: p.teams.all.map(({ id, name }) => ({ id, name })), ...(setAside === null ? {} : { setAside }) });
  });

  http.route('GET', '/api/staff', async (req, res) => {
    const session = await requireStaff(req, res, p.auth, { csrf: false, roles: ['agent', 'supervisor', 'executive', 'admin'] });
    if (!session) return;
    const staff = (await p.staff.list()).map(({ id, displayName, role, teams }) => ({ id, displayName, role, teams }));
    answer(res, 200, { staff });
  });

  http.route('GET', '/api/conversations/*', async (req, res) => {
    const session = await requireStaff(req, res, p.auth, { csrf: false });
    const target = session && parseTarget(req, res);
    if (!session || !target) return;
    if (target.action !== null || target.remedyId !== null) return sendJson(res, 405, problem('method_not_allowed', 'method not allowed'));
    await run(res, () => desk.conversation(session.staff, target.caseId));
  });

  http.route('POST', '/api/conversations/*', async (req, res) => {
    const target = parseTarget(req, res);
    if (!target) return;
    const chosen = target.remedyId !== null ? approve(target.remedyId) : pick(actions, target.action ?? undefined);
    await runAction(req, res, { auth: p.auth, limiter }, target.caseId, chosen);
  });

  http.route('GET', '/api/events', async (req, res) => {
    const session = await requireStaff(req, res, p.auth, { csrf: false });
    if (!session) return;
    const stream = openEventStream(res, { server: http });
    // Checked one after another, so events keep their order; a failed check tells nothing rather than too much.
    let told = Promise.resolve();
    const unsubscribe = await p.feed.subscribe((event) => {
      told = told.then(async () => {
        if (await desk.hears(session.staff, event).catch(() => false)) stream.send('desk', event);
      });
    });
    await stream.closed;
    unsubscribe();
  });
}

interface Target {
  caseId: string;
  action: string | null;
  remedyId: string | null;
}

/** `/api/conversations/{caseId}[/{action} | /remedies/{remedyId}/approve]`, or null having answered 404. */
function parseTarget(req: IncomingMessage, res: ServerResponse): Target | null {
  const parts = pathAfter(req, 3);
  const [caseId, action, remedyId, approve] = parts;
  const valid = caseId !== undefined && api.caseIdPattern.test(caseId) && parts.length <= 4
    && (parts.length < 3 || (action === 'remedies' && remedyId !== undefined && /^\w{1,60}$/.test(remedyId) && approve === 'approve'));
  if (!valid) {
    sendJson(res, 404, problem('not_found', 'not found'));
    return null;
  }
  return { caseId, action: parts.length === 2 ? (action ?? null) : null, remedyId: parts.length === 4 ? (remedyId ?? null) : null };
}
