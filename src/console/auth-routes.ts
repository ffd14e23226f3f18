import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { problem } from '../desk/desk-error.ts';
import { clientAddress } from '../http/client-address.ts';
import { retryAfter } from '../http/limit.ts';
import { sendJson } from '../http/server.ts';
import type { HttpServer } from '../http/server.ts';
import type { Clock } from '../ports/clock.ts';
import type { RateLimits } from '../ports/rate-limits.ts';
import type { LoginResult, StaffAuth, StaffSession } from '../staff/staff-auth.ts';
import { readJsonBody } from './json-body.ts';
import { perAddress, tooMany } from './route-kit.ts';
import { sessionCookie, sessionToken } from './session-cookie.ts';
import { checkOrigin, requireStaff } from './staff-session.ts';

const maxBodyBytes = 4096;
/** Sign-in attempts per client address: 10 a minute. */
export const signInRule = { points: 10, seconds: 60 };
/** One answer for a wrong password and an unknown username: neither tells which. */
const refusal = 'wrong username or password';

export const credentials = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1024),
});

/** What the console is told of a session: never the session token, which stays in the HttpOnly cookie. */
const view = ({ staff: { id, username, displayName, role }, csrfToken, expiresAt }: StaffSession) =>
  ({ staff: { id, username, displayName, role }, csrfToken, expiresAt: expiresAt.toISOString() });

function sendSession(res: ServerResponse, session: StaffSession): void {
  res.setHeader('cache-control', 'no-store');
  sendJson(res, 200, view(session));
}

/** 401 `invalid_credentials`; 429 `rate_limited` while this address backs off for the username; 503 `sign_in_busy` while too many sign-ins are hashing. */
function refuse(res: ServerResponse, result: Exclude<LoginResult, { ok: true }>): void {
  if (result.refusal === 'bad_credentials') return sendJson(res, 401, problem('invalid_credentials', refusal));
  if (result.refusal === 'backing_off') return tooMany(res, result.retryAfterMs, 'too many wrong passwords for this username from this address; wait and try again');
  const seconds = retryAfter(result.retryAfterMs);
  res.setHeader('retry-after', seconds);
  sendJson(res, 503, problem('sign_in_busy', 'too many sign-ins at once; try again in a moment', { retryAfterSeconds: Number(seconds) }));
}

export interface StaffAuthRouteParts {
  auth: StaffAuth;
  clock: Clock;
  limits: RateLimits;
  /** TRUST_PROXY: see `clientAddress`. */
  trustProxy: number;
}

/** Staff sign-in: POST /api/session signs in, GET tells who is signed in, DELETE signs out. */
export function routeStaffAuth(http: HttpServer, { auth, clock, limits, trustProxy }: StaffAuthRouteParts): void {
  const limited = perAddress(limits.limiter('console.sign_in', signInRule), trustProxy, 'too many sign-in attempts from this address; wait a little and try again');

  http.route('POST', '/api/session', limited(async (req, res) => {
    if (!checkOrigin(req, res)) return;
    const body = await readJsonBody(req, res, maxBodyBytes, credentials);
    if (!body) return;
    const result = await auth.login(body.data.username, body.data.password, clientAddress(req, trustProxy));
    if (!result.ok) return refuse(res, result);
    const secondsLeft = Math.floor((result.session.expiresAt.getTime() - clock.now().getTime()) / 1000);
    res.setHeader('set-cookie', sessionCookie(result.token, secondsLeft));
    sendSession(res, result.session);
  }));

  http.route('GET', '/api/session', async (req, res) => {
    const session = await requireStaff(req, res, auth, { csrf: false });
    if (session) sendSession(res, session);
  });

  http.route('DELETE', '/api/session', async (req, res) => {
    const token = sessionToken(req);
    if (!(await requireStaff(req, res, auth, { csrf: true })) || token === undefined) return;
    await auth.logout(token);
    res.setHeader('set-cookie', sessionCookie('', 0));
    res.writeHead(204).end();
  });
}
