import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { problem } from '../desk/desk-error.ts';
import { scheduleGreetings } from '../followups/schedule-greetings.ts';
import type { GreetingSchedule } from '../followups/schedule-greetings.ts';
import { readBody } from '../http/read-body.ts';
import { sendJson } from '../http/server.ts';
import type { HttpServer } from '../http/server.ts';
import type { AuditLog } from '../ports/audit-log.ts';
import type { RateLimiter } from '../ports/rate-limits.ts';
import type { StaffAuth } from '../staff/staff-auth.ts';
import { managerRoles } from '../staff/roles.ts';
import { importTrips } from '../trips/trip-import.ts';
import type { CheckedRows } from '../trips/trip-rows.ts';
import { checkRows, csvRows, maxTripBytes, maxTripRows } from '../trips/trip-rows.ts';
import { readJsonBody } from './json-body.ts';
import { admit, answer, tooManyActions } from './route-kit.ts';
import { requireStaff } from './staff-session.ts';

export interface TripRouteParts extends GreetingSchedule {
  audit: AuditLog;
  auth: StaffAuth;
  limiter: RateLimiter;
}

/** Each row is checked on its own, so a bad one is named and the good ones still go in. */
export const jsonTrips = z.strictObject({ rows: z.array(z.unknown()).min(1).max(maxTripRows) });

/**
 * Trips and their travellers for supervisors, executives and admins: a CSV file (text/csv) at
 * /api/trips/import, or the same rows as JSON at /api/trips. Either answers what was imported
 * and which rows were refused (line and field); importing schedules the day-after greetings.
 */
export function routeTrips(http: HttpServer, p: TripRouteParts): void {
  const { limiter } = p;
  const handle = (read: (req: IncomingMessage, res: ServerResponse) => Promise<CheckedRows | null>) => async (req: IncomingMessage, res: ServerResponse) => {
    const session = await requireStaff(req, res, p.auth, { csrf: true, roles: managerRoles });
    if (!session) return;
    if (!(await admit(res, limiter, session.staff.id, tooManyActions))) return;
    const checked = await read(req, res);
    if (checked) answer(res, 200, await importTrips({ ...p, scheduleGreetings: (trip) => scheduleGreetings(p, trip) }, session.staff.id, checked));
  };
  http.route('POST', '/api/trips/import', handle(readCsvBody));
  http.route('POST', '/api/trips', handle(async (req, res) => {
    const body = await readJsonBody(req, res, maxTripBytes, jsonTrips);
    return body && checkRows(body.data.rows.map((row, i) => ({ line: i + 1, row })));
  }));
}

/** A UTF-8 CSV body of at most 5 MB without NUL, or null having answered 415 `unsupported_media_type`, 413 `body_too_large` or 400 (`body_unreadable`, `not_utf8`, `nul_characters`). */
async function readCsvBody(req: IncomingMessage, res: ServerResponse): Promise<CheckedRows | null> {
  if (!/^text\/csv\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    req.resume();
    sendJson(res, 415, problem('unsupported_media_type', 'send the trips as text/csv'));
    return null;
  }
  let body: Buffer | 'too_large';
  try {
    body = await readBody(req, maxTripBytes);
  } catch {
    sendJson(res, 400, problem('body_unreadable', 'the request body could not be read'));
    return null;
  }
  if (body === 'too_large') {
    sendJson(res, 413, problem('body_too_large', `the file is larger than ${maxTripBytes} bytes; split it`, { maxBytes: maxTripBytes }));
    return null;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    sendJson(res, 400, problem('not_utf8', 'the file is not UTF-8 text'));
    return null;
  }
  // Valid UTF-8, but no text holds NUL (PostgreSQL refuses it): most likely a UTF-16 file.
  if (text.includes('\u0000')) {
    sendJson(res, 400, problem('nul_characters', 'the file holds NUL characters; save it as UTF-8 text'));
    return null;
  }
  return csvRows(text);
}
