import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { RateLimiter } from '../http/rate-limit.ts';
import { sendJson } from '../http/server.ts';
import type { HttpServer } from '../http/server.ts';
import type { Clock } from '../ports/clock.ts';
import type { StaffAuth, StaffSession } from '../staff/staff-auth.ts';
import { readJsonBody } from './json-body.ts';
import { sessionCookie, sessionToken } from './session-cookie.ts';
import { checkOrigin, requireStaff } from './staff-session.ts';

const maxBodyBytes = 4096;
/** Sign-in attempts per client address: 10 at once, then one every 6 seconds. */
const signInRate = { burst: 10, perSecond: 1 / 6 };
/** One answer for a wrong password, an unknown username and a locked account: none tells which. */
const refusal = 'wrong username or password, or the account is locked for a while';

const credentials = z.object({
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

/** Staff sign-in: POST /api/session signs in, GET tells who is signed in, DELETE signs out. */
export function routeStaffAuth(http: HttpServer, { auth, clock }: { auth: StaffAuth; clock: Clock }): void {
  const limiter = new RateLimiter(signInRate, () => clock.now().getTime());

  http.route('POST', '/api/session', async (req, res) => {
    if (!checkOrigin(req, res)) return;
    if (!limiter.take(req.socket.remoteAddress ?? 'unknown')) {
      res.setHeader('retry-after', String(1 / signInRate.perSecond));
      return sendJson(res, 429, { error: 'too many sign-in attempts from this address; wait a little and try again' });
    }
    const body = await readJsonBody(req, res, maxBodyBytes, credentials);
    if (!body) return;
    const result = await auth.login(body.data.username, body.data.password);
    if (!result.ok) return sendJson(res, 401, { error: refusal });
    const secondsLeft = Math.floor((result.session.expiresAt.getTime() - clock.now().getTime()) / 1000);
    res.setHeader('set-cookie', sessionCookie(result.token, secondsLeft));
    sendSession(res, result.session);
  });

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
