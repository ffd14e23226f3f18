import { z } from 'zod';
import { problem } from '../desk/desk-error.ts';
import type { GuideDesk } from '../guides/guide-desk.ts';
import { departureSchema, departuresBody, newGuideBody } from '../guides/guide-desk.ts';
import type { IncidentDesk } from '../incidents/incident-desk.ts';
import type { RateLimiter } from '../ports/rate-limits.ts';
import { sendJson } from '../http/server.ts';
import type { HttpServer } from '../http/server.ts';
import type { Clock } from '../ports/clock.ts';
import type { StaffAuth } from '../staff/staff-auth.ts';
import { emptyBody } from './desk-api.ts';
import type { Action } from './route-kit.ts';
import { action, ok, pathAfter, pick, run, runAction } from './route-kit.ts';
import { requireStaff } from './staff-session.ts';
import { travellerChannels } from '../conversation/messages.ts';

export interface IncidentRouteParts {
  incidents: IncidentDesk;
  guides: GuideDesk;
  auth: StaffAuth;
  limiter: RateLimiter;
  clock: Clock;
}

const amount = z.number().finite().min(0, 'must not be negative').max(10_000_000, 'is implausibly large');
export const outreachBody = z.strictObject({ amount: amount.optional() });
export const settlementBody = z.strictObject({ amount: amount.positive('must be more than 0') });
export const rosterBody = z.strictObject({
  travellers: z.array(z.strictObject({
    ref: z.string().trim().min(1).max(60),
    name: z.string().trim().min(1).max(100),
    locale: z.enum(['zh-CN', 'zh-TW', 'en']).nullable().default(null),
    channel: z.enum(travellerChannels).nullable().default(null),
    conversationId: z.string().trim().min(1).max(200).nullable().default(null),
  })).min(1).max(500),
});

const incidentId = /^IN-[A-Z0-9]{6}$/;
const guideId = /^[\w-]{1,60}$/;

/** Incidents, departures and guides under /api: lists and views by GET, actions by POST. */
export function routeIncidents(http: HttpServer, p: IncidentRouteParts): void {
  const { limiter } = p;
  const kit = { auth: p.auth, limiter };
  const read = async (req: Parameters<typeof requireStaff>[0], res: Parameters<typeof requireStaff>[1]) => (await requireStaff(req, res, p.auth, { csrf: false }))?.staff;

  const incidentActions: Record<string, Action> = {
    acknowledge: action(emptyBody, (actor, id) => ok(p.incidents.acknowledge(actor, id))),
    outreach: action(outreachBody, (actor, id, { amount: given }) => p.incidents.outreach(actor, id, given)),
    settlement: action(settlementBody, (actor, id, { amount: given }) => p.incidents.settlement(actor, id, given)),
  };
  const guideActions: Record<string, Action> = {
    code: action(emptyBody, (actor, id) => p.guides.issueCode(actor, id)),
    departures: action(departuresBody, async (actor, id, { departures }) => ({ guide: await p.guides.addDepartures(actor, id, departures) })),
  };

  http.route('GET', '/api/incidents', async (req, res) => {
    const actor = await read(req, res);
    if (!actor) return;
    const query = new URL(req.url ?? '/', 'http://local').searchParams;
    const filter = { ...optional('tourCode', query.get('tourCode')), ...optional('date', query.get('date')), ...(query.get('unacknowledged') === '1' ? { unacknowledged: true } : {}) };
    await run(res, async () => ({ incidents: await p.incidents.list(actor, filter) }));
  });
  http.route('GET', '/api/incidents/*', async (req, res) => {
    const actor = await read(req, res);
    const [id, ...rest] = pathAfter(req, 3);
    if (!actor) return;
    if (!id || !incidentId.test(id) || rest.length > 0) return sendJson(res, 404, problem('not_found', 'not found'));
    await run(res, () => p.incidents.get(actor, id));
  });
  http.route('POST', '/api/incidents/*', async (req, res) => {
    const [id, name, ...rest] = pathAfter(req, 3);
    if (!id || !incidentId.test(id) || rest.length > 0) return sendJson(res, 404, problem('not_found', 'not found'));
    await runAction(req, res, kit, id, pick(incidentActions, name));
  });

  http.route('GET', '/api/departures/*', async (req, res) => {
    const actor = await read(req, res);
    const [tourCode, ...rest] = pathAfter(req, 3);
    if (!actor) return;
    const date = new URL(req.url ?? '/', 'http://local').searchParams.get('date') ?? undefined;
    const valid = departureSchema.safeParse({ tourCode, date: date ?? '2000-01-01' });
    if (!valid.success || rest.length > 0) return sendJson(res, 404, problem('not_found', 'not found: /api/departures/{tourCode}?date=yyyy-mm-dd'));
    await run(res, () => p.incidents.departure(actor, valid.data.tourCode, date));
  });
  http.route('POST', '/api/departures/*', async (req, res) => {
    const [tourCode, date, name, ...rest] = pathAfter(req, 3);
    const departure = departureSchema.safeParse({ tourCode, date });
    if (!departure.success || name !== 'travellers' || rest.length > 0) return sendJson(res, 404, problem('not_found', 'not found: /api/departures/{tourCode}/{date}/travellers'));
    const put = action(rosterBody, async (actor, _id, { travellers }) => ({ travellers: await p.incidents.putRoster(actor, departure.data, travellers) }));
    await runAction(req, res, kit, `${departure.data.tourCode}/${departure.data.date}`, put);
  });

  http.route('GET', '/api/guides', async (req, res) => {
    const actor = await read(req, res);
    if (actor) await run(res, async () => ({ guides: await p.guides.list(actor) }));
  });
  http.route('POST', '/api/guides', async (req, res) => {
    await runAction(req, res, kit, '', action(newGuideBody, async (actor, _id, guide) => ({ guide: await p.guides.add(actor, guide) })));
  });
  http.route('POST', '/api/guides/*', async (req, res) => {
    const [id, name, ...rest] = pathAfter(req, 3);
    if (!id || !guideId.test(id) || rest.length > 0) return sendJson(res, 404, problem('not_found', 'not found'));
    await runAction(req, res, kit, id, pick(guideActions, name));
  });
}

const optional = (key: string, value: string | null) => (value ? { [key]: value } : {});
