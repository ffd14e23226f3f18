import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import { commitmentsRule, routeReports } from '../../src/console/report-routes.ts';
import { actionLimiter } from '../../src/console/route-kit.ts';
import { HttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/log.ts';
import { ReportDesk } from '../../src/reports/report-desk.ts';
import { addStaff } from '../../src/staff/add-staff.ts';
import { StaffAuth } from '../../src/staff/staff-auth.ts';
import type { StaffRole } from '../../src/staff/roles.ts';
import { MemoryAuditLog } from '../../src/stores/memory/memory-audit-log.ts';
import { MemoryCaseRegister } from '../../src/stores/memory/memory-case-register.ts';
import { MemoryCorrectiveActions } from '../../src/stores/memory/memory-corrective-actions.ts';
import { MemoryGuideRegistry } from '../../src/stores/memory/memory-guide-registry.ts';
import { MemoryPromiseLedger } from '../../src/stores/memory/memory-promise-ledger.ts';
import { MemoryRateLimits } from '../../src/stores/memory/memory-rate-limits.ts';
import { MemoryReportSource } from '../../src/stores/memory/memory-report-source.ts';
import { MemoryStaffDirectory } from '../../src/stores/memory/memory-staff-directory.ts';
import { StaffClient } from '../support/console.ts';
import { policy } from '../support/harness.ts';
import { knownSurveys, timeZone, writeKnownQuarter } from '../support/report-data.ts';

const cheap = { N: 2 ** 10, r: 8, p: 1 };
const password = 'Correct-horse-12';
const hostile = '<script>alert(1)</script>"\'&';

const clock = new ManualClock(new Date('2026-06-01T00:00:00Z'));
const staff = new MemoryStaffDirectory();
const audit = new MemoryAuditLog();
const register = new MemoryCaseRegister(clock);
const ledger = new MemoryPromiseLedger();
const guides = new MemoryGuideRegistry();
const limits = new MemoryRateLimits();
const auth = new StaffAuth({ staff, audit, clock, limits, scrypt: cheap });
const reports = new ReportDesk({
  reports: new MemoryReportSource({ register, ledger }), guides, actions: new MemoryCorrectiveActions(), staff, audit, clock, timeZone,
  surveys: knownSurveys,
});
const http = new HttpServer(createLogger('silent'));
routeReports(http, { reports, auth, limiter: actionLimiter(limits), limits, trustProxy: 0, policy, clock });
let base = '';
const as: Partial<Record<StaffRole, StaffClient>> = {};

async function signedIn(role: StaffRole): Promise<StaffClient> {
  const account = await addStaff({ staff, audit, clock, actor: 'cli', scrypt: cheap }, { username: `${role}.one`, displayName: `${role} ${hostile}`, role, password, teams: [] });
  const result = await auth.login(account.username, password, '127.0.0.1');
  if (!result.ok) throw new Error('no sign-in');
  return new StaffClient(base, account.id, result.token, result.session.csrfToken);
}

const client = (role: StaffRole): StaffClient => {
  const c = as[role];
  if (!c) throw new Error(`no ${role}`);
  return c;
};

beforeAll(async () => {
  base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  await writeKnownQuarter({ register, ledger, guides, clock });
  // Hostile text where staff and travellers can put it: a tour code and a guide's name.
  await register.open('hostile', { conversationKey: 'webchat:h', channel: 'webchat', category: 'meals', also: [], problems: [], severity: 'low', flags: [], status: 'open', steps: [], facts: { tour: `=cmd|' /C calc'!A0,${hostile}` }, outcome: null });
  await guides.add({ name: hostile, phone: '1', departures: [{ tourCode: 'XA-2', date: '2026-09-02' }] }, clock.now());
  clock.advance(Date.parse('2026-11-21T02:00:00Z') - clock.now().getTime());
  for (const role of ['agent', 'supervisor', 'executive', 'admin', 'partner'] as const) as[role] = await signedIn(role);
});
afterAll(() => http.close());

const q3 = 'from=2026-07-01&to=2026-09-30&by=month';

describe('the reports API', () => {
  it('is for supervisors, executives and admins: agents and partners get 403, strangers 401', async () => {
    for (const role of ['supervisor', 'executive', 'admin'] as const) {
      expect((await client(role).get(`/api/reports/categories?${q3}`)).status).toBe(200);
      expect((await client(role).get('/api/actions')).status).toBe(200);
    }
    for (const role of ['agent', 'partner'] as const) {
      for (const path of [`/api/reports/categories?${q3}`, `/api/reports/costs.csv?${q3}`, '/api/actions', '/reports/quarterly?quarter=2026-Q3']) {
        expect((await client(role).get(path)).status, `${role} ${path}`).toBe(403);
      }
      expect((await client(role).post('/api/actions', { target: { kind: 'category', value: 'meals' }, title: 'x', ownerId: client(role).id, dueDate: '2026-12-01' })).status).toBe(403);
    }
    expect((await fetch(`${base}/api/reports/categories`)).status).toBe(401);
  });

  it('answers a report as JSON, and refuses unknown reports and bad periods', async () => {
    const res = await client('supervisor').get(`/api/reports/tours?${q3}`);
    expect(await res.json()).toMatchObject({ name: 'tours', buckets: ['2026-07', '2026-08', '2026-09'], rows: [{ key: 'GZ-1', total: 2 }, { key: 'XA-2', total: 2 }] });
    expect((await client('supervisor').get('/api/reports/nope')).status).toBe(404);
    expect((await client('supervisor').get('/api/reports/constructor')).status).toBe(404);
    expect((await client('supervisor').get('/api/reports/tours?from=2026-09-30&to=2026-07-01')).status).toBe(400);
    expect((await client('supervisor').get('/api/reports/tours?from=2020-01-01&to=2026-07-01')).status).toBe(400);
    expect((await client('supervisor').get('/api/reports/tours?by=year')).status).toBe(400);
  });

  it('downloads every report as CSV, quoted and with formulas defused', async () => {
    // The hostile case was opened with C4, on Oct 1 local time.
    const res = await client('executive').get('/api/reports/tours.csv?from=2026-10-01&to=2026-10-31&by=month');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tripcare-tours-2026-10-01-2026-10-31.csv"');
    // Read as bytes: text() would drop the byte-order mark.
    const body = Buffer.from(await res.arrayBuffer()).toString('utf8');
    expect(body).toBe(`\uFEFFkey,2026-10,total\r\n"'=CMD|' /C CALC'!A0,<SCRIPT>ALERT(1)</SCRIPT>""'&",1,1\r\n`);
    const costs = await (await client('executive').get(`/api/reports/costs.csv?${q3}`)).text();
    expect(costs).toBe('key,2026-07,2026-08,2026-09,total\r\naccepted,780.5,0,0,780.5\r\nparty:guide,198,0,0,198\r\nparty:supplier,462,0,0,462\r\n');
  });

  it('prints the quarter as a page with every value escaped, under the console CSP', async () => {
    const res = await client('admin').get('/reports/quarterly?quarter=2026-Q3&lang=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await res.text();
    expect(page).toContain('<title>Quarterly complaint report 2026-Q3</title>');
    expect(page).toContain('<link rel="stylesheet" href="/console/report-page.css">');
    expect(page).toContain('Complaints by category');
    expect(page).toContain('<th>Ann</th><td>2</td><td>0</td><td>0</td><td>2</td>');
    expect((await client('admin').get('/reports/quarterly?quarter=2026-Q5')).status).toBe(400);
    // The hostile guide leads XA-2 from Sep 2 on: the page shows the name, escaped.
    const sep = await (await client('admin').get('/reports/quarterly?quarter=2026-Q3')).text();
    expect(sep).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    expect(sep).not.toContain('<script');
  });

  it('opens corrective actions, lists them with their effect, and marks them done', async () => {
    const sup = client('supervisor');
    const res = await sup.post('/api/actions', { target: { kind: 'tour', value: ' xa-2 ' }, title: hostile, ownerId: client('executive').id, dueDate: '2026-11-01' });
    expect(res.status).toBe(200);
    const { action } = (await res.json()) as { action: { id: string } };
    expect(action).toMatchObject({ target: { kind: 'tour', value: 'XA-2' }, title: hostile, status: 'open', overdue: true, effect: { days: 0, before: 0, after: 0 } });
    expect((await sup.post('/api/actions', { target: { kind: 'category', value: 'nope' }, title: 'x', ownerId: sup.id, dueDate: '2026-12-01' })).status).toBe(400);
    expect((await sup.post('/api/actions', { target: { kind: 'party', value: 'supplier' }, title: 'x', ownerId: client('partner').id, dueDate: '2026-12-01' })).status).toBe(400);
    expect((await sup.post('/api/actions', { target: { kind: 'party', value: 'supplier' }, title: 'x', ownerId: sup.id, dueDate: '2026-12-01' }, { 'x-csrf-token': 'wrong' })).status).toBe(403);
    const done = await sup.post(`/api/actions/${action.id}/done`);
    expect(await done.json()).toMatchObject({ action: { id: action.id, status: 'done', overdue: false } });
    expect((await sup.post('/api/actions/CA-NONE22/done')).status).toBe(404);
    expect((await client('agent').post(`/api/actions/${action.id}/done`)).status).toBe(403);
    const listed = (await (await sup.get('/api/actions')).json()) as { actions: { id: string }[] };
    expect(listed.actions.map((a) => a.id)).toContain(action.id);
  });
});

describe('the public commitments page', () => {
  it('shows the promised times and last quarter’s figures in English, Simplified and Traditional Chinese', async () => {
    const en = await fetch(`${base}/commitments?lang=en`);
    expect(en.headers.get('content-security-policy')).toContain("default-src 'self'");
    const page = await en.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<tr><th>Critical</th><td>10 minutes</td><td>24 hours</td></tr>');
    expect(page).toContain('<tr><th>Low</th><td>24 hours</td><td>14 days</td></tr>');
    expect(page).toContain('How we did in 2026-Q3');
    expect(page).toContain('<dd>75%</dd>'); // satisfaction: 3 of 4
    expect(page).toContain('<dd>66.7%</dd>'); // first replies: 2 of 3
    const cn = await (await fetch(`${base}/commitments`, { headers: { 'accept-language': 'fr, zh;q=0.8' } })).text();
    expect(cn).toContain('<html lang="zh-CN">');
    expect(cn).toContain('我们的服务承诺');
    expect(cn).toContain('10 分钟');
    const tw = await (await fetch(`${base}/commitments`, { headers: { 'accept-language': 'zh-HK,en;q=0.5' } })).text();
    expect(tw).toContain('<html lang="zh-TW">');
    expect(tw).toContain('我們的服務承諾');
    expect(await (await fetch(`${base}/commitments?lang=zh-TW`, { headers: { 'accept-language': 'en' } })).text()).toContain('我們的服務承諾');
  });

  it('is rate-limited per address, with Retry-After', async () => {
    // The views above count too: within the window, 200s until the limit, then only 429s.
    const statuses = [];
    let last = new Response();
    for (let i = 0; i <= commitmentsRule.points; i++) {
      last = await fetch(`${base}/commitments?lang=en`);
      statuses.push(last.status);
    }
    const first = statuses.indexOf(429);
    expect(first).toBeGreaterThan(0);
    expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(last.headers.get('retry-after'))).toBeLessThanOrEqual(commitmentsRule.seconds);
  });
});
