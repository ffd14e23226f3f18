import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { problem } from '../desk/desk-error.ts';
import { responsibleParties } from '../desk/resolution.ts';
import { sendJson } from '../http/server.ts';
import type { HttpServer } from '../http/server.ts';
import type { Clock } from '../ports/clock.ts';
import type { RateLimiter, RateLimits } from '../ports/rate-limits.ts';
import type { AgencyPolicy } from '../policy/agency-policy.ts';
import { reportCsv } from '../reports/csv.ts';
import { pageLocale, wordsOf } from '../reports/page-words.ts';
import { addDays, daysBetween, groupings, quarterBefore } from '../reports/period.ts';
import { managerRoles } from '../staff/roles.ts';
import type { ReportDesk } from '../reports/report-desk.ts';
import { commitmentsPage, quarterlyPage } from '../reports/report-pages.ts';
import { reportNames } from '../reports/reports.ts';
import type { StaffAuth } from '../staff/staff-auth.ts';
import { categories } from '../taxonomy.ts';
import { consoleHeaders } from './console-page.ts';
import { emptyBody } from './desk-api.ts';
import { fieldsOf } from './json-body.ts';
import { action, answer, pathAfter, perAddress, run, runAction } from './route-kit.ts';
import { requireStaff } from './staff-session.ts';

export interface ReportRouteParts {
  reports: ReportDesk;
  auth: StaffAuth;
  limiter: RateLimiter;
  /** For the public page: counted per client address (TRUST_PROXY, see `clientAddress`). */
  limits: RateLimits;
  trustProxy: number;
  policy: AgencyPolicy;
  clock: Clock;
}

/** The public page is cheap but unauthenticated: 10 views a minute per address. */
export const commitmentsRule = { points: 10, seconds: 60 };
/** Reports scan a period's cases: up to about three years at once. */
const maxPeriodDays = 1100;

/**
 * Years 1900-2999: periods reach 1100 days either side and are queried as ISO instants, which
 * PostgreSQL refuses for year 0, years before it and years past 9999 (`+010000-…`).
 */
const year = '(19|2\\d)\\d{2}';
const day = z.string().regex(new RegExp(`^${year}-\\d{2}-\\d{2}$`), 'is a date: yyyy-mm-dd, from 1900 to 2999').refine((d) => !Number.isNaN(Date.parse(d)), 'is not a date');
export const periodQuery = z.object({ from: day.optional(), to: day.optional(), by: z.enum(groupings).default('month') });

/** A tour code as reports key it: trimmed, upper case. */
const tourCode = z.string().trim().min(1).max(40).transform((t) => t.toUpperCase());
export const actionBody = z.strictObject({
  target: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('category'), value: z.enum(categories) }),
    z.strictObject({ kind: z.literal('tour'), value: tourCode }),
    z.strictObject({ kind: z.literal('guide'), value: z.string().trim().min(1).max(60) }),
    z.strictObject({ kind: z.literal('party'), value: z.enum(responsibleParties) }),
  ]),
  title: z.string().trim().min(1, 'say what will be improved').max(300),
  ownerId: z.string().trim().min(1).max(60),
  dueDate: day,
});

const quarterPattern = new RegExp(`^${year}-Q[1-4]$`);
const actionId = /^CA-[A-Z0-9]{6}$/;
const query = (req: IncomingMessage) => new URL(req.url ?? '/', 'http://local').searchParams;
const sendPage = (res: ServerResponse, body: string) => void res.writeHead(200, { ...consoleHeaders, 'cache-control': 'no-store', 'content-type': 'text/html; charset=utf-8' }).end(body);

/** Reports (JSON and CSV), the printable quarterly page, the public commitments page and corrective actions. */
export function routeReports(http: HttpServer, p: ReportRouteParts): void {
  const { limiter } = p;
  const publicPage = perAddress(p.limits.limiter('reports.commitments', commitmentsRule), p.trustProxy, 'too many requests; wait a minute');
  const kit = { auth: p.auth, limiter, check: { roles: managerRoles } };
  const manager = async (req: IncomingMessage, res: ServerResponse) => (await requireStaff(req, res, p.auth, { csrf: false, roles: managerRoles }))?.staff;

  http.route('GET', '/api/reports/*', async (req, res) => {
    const actor = await manager(req, res);
    if (!actor) return;
    const [file, ...rest] = pathAfter(req, 3);
    const csv = file?.endsWith('.csv') ?? false;
    const name = reportNames.find((n) => `${n}${csv ? '.csv' : ''}` === file);
    if (!name || rest.length > 0) return sendJson(res, 404, problem('not_found', `not found: /api/reports/{${reportNames.join('|')}}[.csv]`));
    const parsed = periodQuery.safeParse(Object.fromEntries(query(req)));
    if (!parsed.success) return sendJson(res, 400, problem('validation_failed', 'from and to are dates (yyyy-mm-dd); by is day, week, month or quarter', { fields: fieldsOf(parsed.error.issues), issues: parsed.error.issues }));
    const to = parsed.data.to ?? p.reports.today();
    const from = parsed.data.from ?? addDays(to, -364);
    const span = daysBetween(from, to);
    if (span < 0 || span > maxPeriodDays) return sendJson(res, 400, problem('invalid_period', `from must be on or before to, at most ${maxPeriodDays} days apart`, { maxDays: maxPeriodDays }));
    const report = () => p.reports.report(actor, name, { from, to, by: parsed.data.by });
    if (!csv) return run(res, report);
    const body = reportCsv(await report());
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename="tripcare-${name}-${from}-${to}.csv"`,
    }).end(`\uFEFF${body}`); // the BOM tells Excel it is UTF-8, so Chinese shows right
  });

  http.route('GET', '/reports/quarterly', async (req, res) => {
    const actor = await manager(req, res);
    if (!actor) return;
    const quarter = query(req).get('quarter') ?? quarterBefore(p.reports.today());
    if (!quarterPattern.test(quarter)) return sendJson(res, 400, problem('invalid_quarter', 'the quarter is written like 2026-Q3'));
    const locale = pageLocale(query(req).get('lang'), req.headers['accept-language']);
    sendPage(res, quarterlyPage(locale, wordsOf(locale), quarter, await p.reports.quarter(actor, quarter, reportNames)));
  });

  http.route('GET', '/commitments', publicPage(async (req, res) => {
    const locale = pageLocale(query(req).get('lang'), req.headers['accept-language']);
    sendPage(res, commitmentsPage(locale, wordsOf(locale), p.policy, await p.reports.lastQuarter()));
  }));

  http.route('GET', '/api/actions', async (req, res) => {
    const actor = await manager(req, res);
    if (actor) await run(res, async () => ({ actions: await p.reports.actions(actor) }));
  });
  http.route('POST', '/api/actions', async (req, res) => {
    await runAction(req, res, kit, '', action(actionBody, async (actor, _id, input) => ({ action: await p.reports.openAction(actor, input) })));
  });
  http.route('POST', '/api/actions/*', async (req, res) => {
    const [id, name, ...rest] = pathAfter(req, 3);
    if (!id || !actionId.test(id) || name !== 'done' || rest.length > 0) return answer(res, 404, problem('not_found', 'not found: /api/actions/{id}/done'));
    await runAction(req, res, kit, id, action(emptyBody, async (actor, actionIdGiven) => ({ action: await p.reports.markDone(actor, actionIdGiven) })));
  });
}
