import type { IncomingMessage, ServerResponse } from 'node:http';
import { problem } from '../desk/desk-error.ts';
import type { ErrorCode } from '../desk/desk-error.ts';
import { sendJson } from '../http/server.ts';
import type { StaffRole } from '../staff/roles.ts';
import type { StaffAuth, StaffSession } from '../staff/staff-auth.ts';
import { sessionToken } from './session-cookie.ts';

/** The header state-changing requests carry the session's CSRF token in. */
export const csrfHeader = 'x-csrf-token';

/** The session the request's cookie opens, or null. */
export async function readSession(req: IncomingMessage, auth: StaffAuth): Promise<StaffSession | null> {
  const token = sessionToken(req);
  return token === undefined ? null : auth.session(token);
}

/**
 * True when the request's Origin, if it sends one, is its own Host; otherwise
 * answers 403 and returns false. For state-changing requests: a second line behind
 * SameSite=Strict and the CSRF token. Behind a proxy, the proxy must pass Host through.
 */
export function checkOrigin(req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || hostOf(origin) === req.headers.host?.toLowerCase()) return true;
  sendJson(res, 403, problem('foreign_origin', 'this request came from another site'));
  return false;
}

const hostOf = (origin: string): string | undefined => (URL.canParse(origin) ? new URL(origin).host : undefined);

export interface StaffCheck {
  /** True for state-changing requests: the Origin and the X-CSRF-Token header are checked. */
  csrf: boolean;
  /** The roles allowed; any role when absent. */
  roles?: readonly StaffRole[];
}

/**
 * The signed-in staff member's session, or null having answered: 401 without a
 * session (`session_required`), 403 for a foreign Origin (`foreign_origin`), a missing or wrong
 * CSRF token (`csrf_invalid`), or a role not allowed (`forbidden_role`, with the `roles` that are).
 */
export async function requireStaff(req: IncomingMessage, res: ServerResponse, auth: StaffAuth, check: StaffCheck): Promise<StaffSession | null> {
  const session = await readSession(req, auth);
  if (!session) return refuse(res, 401, 'session_required', 'sign in first: there is no session, or it has ended');
  if (check.csrf) {
    if (!checkOrigin(req, res)) return null;
    const token = req.headers[csrfHeader];
    if (!auth.checkCsrf(session, typeof token === 'string' ? token : undefined)) {
      return refuse(res, 403, 'csrf_invalid', 'the X-CSRF-Token header is missing or wrong; reload the console');
    }
  }
  if (check.roles && !check.roles.includes(session.staff.role)) {
    return refuse(res, 403, 'forbidden_role', `this is for staff with the role ${check.roles.join(' or ')}`, { roles: check.roles });
  }
  return session;
}

function refuse(res: ServerResponse, status: 401 | 403, code: ErrorCode, error: string, details: Record<string, unknown> = {}): null {
  sendJson(res, status, problem(code, error, details));
  return null;
}
