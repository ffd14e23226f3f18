import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { DeskError, problem } from '../desk/desk-error.ts';
import { clientAddress } from '../http/client-address.ts';
import { retryAfter } from '../http/limit.ts';
import { sendJson } from '../http/server.ts';
import type { Handler } from '../http/server.ts';
import type { RateLimiter, RateLimits } from '../ports/rate-limits.ts';
import type { Staff, StaffAuth } from '../staff/staff-auth.ts';
import { readJsonBody } from './json-body.ts';
import { requireStaff } from './staff-session.ts';
import type { StaffCheck } from './staff-session.ts';

/** What the console API's routes share: actions with zod bodies, answers, refusals, paths. */

const maxBodyBytes = 16 * 1024;

/** Per staff member, across the whole API: 30 actions in 15 seconds, 2 a second; a stuck script cannot flood travellers. */
const actionRule = { points: 30, seconds: 15 };
export const tooManyActions = 'too many actions at once; wait a moment';

/** The one limiter of staff actions, shared by every console route. */
export const actionLimiter = (limits: RateLimits): RateLimiter => limits.limiter('console.actions', actionRule);

/** A change to one resource (a case, an incident, a guide): its body's schema, and what it does. */
export interface Action<S extends z.ZodType = z.ZodType> {
  body: S;
  run(actor: Staff, id: string, input: z.infer<S>): Promise<unknown>;
}

export const action = <S extends z.ZodType>(body: S, run: Action<S>['run']): Action => ({ body, run: run as Action['run'] });

/** Actions that change something answer `{ ok: true }` once done. */
export const ok = async (done: Promise<unknown>) => {
  await done;
  return { ok: true };
};

/**
 * Runs `chosen` for the signed-in staff member: CSRF checked, rate-limited per person, the
 * body read and validated, and the result (or a refusal) answered as JSON.
 */
export async function runAction(req: IncomingMessage, res: ServerResponse, p: { auth: StaffAuth; limiter: RateLimiter; check?: Omit<StaffCheck, 'csrf'> }, id: string, chosen: Action | undefined): Promise<void> {
  const session = await requireStaff(req, res, p.auth, { ...p.check, csrf: true });
  if (!session) return;
  if (!chosen) return sendJson(res, 404, problem('unknown_action', 'no such action'));
  if (!(await admit(res, p.limiter, session.staff.id, tooManyActions))) return;
  const input = await readJsonBody(req, res, maxBodyBytes, chosen.body);
  if (input) await run(res, () => chosen.run(session.staff, id, input.data));
}

/** Runs `work` and answers with what it returns, or a refusal with its status. */
export async function run(res: ServerResponse, work: () => Promise<unknown>): Promise<void> {
  try {
    answer(res, 200, await work());
  } catch (e) {
    if (!(e instanceof DeskError)) throw e;
    sendJson(res, e.status, problem(e.code, e.message, e.details));
  }
}

/** Counts one request of `key`; over the limit, answers 429 `rate_limited` with Retry-After and resolves false. */
export async function admit(res: ServerResponse, limiter: RateLimiter, key: string, error: string): Promise<boolean> {
  const verdict = await limiter.take(key);
  if (!verdict.allowed) tooMany(res, verdict.retryAfterMs, error);
  return verdict.allowed;
}

/** Answers 429 `rate_limited`, with Retry-After and the seconds to wait. */
export function tooMany(res: ServerResponse, retryAfterMs: number, error: string): void {
  const seconds = retryAfter(retryAfterMs);
  res.setHeader('retry-after', seconds);
  sendJson(res, 429, problem('rate_limited', error, { retryAfterSeconds: Number(seconds) }));
}

/** Wraps handlers so they answer only requests within `limiter`'s limit per client address (see `clientAddress`); the others get 429 before anything is read. */
export const perAddress = (limiter: RateLimiter, trustProxy: number, error: string) => (handler: Handler): Handler => async (req, res) => {
  if (await admit(res, limiter, clientAddress(req, trustProxy), error)) await handler(req, res);
};

export function answer(res: ServerResponse, status: number, body: unknown): void {
  res.setHeader('cache-control', 'no-store');
  sendJson(res, status, body);
}

/** The decoded segments of the path after `/api/<resource>/`; an undecodable one becomes NUL, which no id matches. */
export function pathAfter(req: IncomingMessage, depth: number): string[] {
  return new URL(req.url ?? '/', 'http://local').pathname.split('/').slice(depth).map(safeDecode);
}

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return '\u0000';
  }
};

/** Looks up an action by name, only among the object's own (no `constructor`, `__proto__`). */
export const pick = (actions: Record<string, Action>, name: string | undefined): Action | undefined =>
  name !== undefined && Object.hasOwn(actions, name) ? actions[name] : undefined;
