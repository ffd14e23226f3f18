import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import { routeStaffAuth, signInRule } from '../../src/console/auth-routes.ts';
import { HttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/log.ts';
import { addStaff } from '../../src/staff/add-staff.ts';
import { StaffAuth } from '../../src/staff/staff-auth.ts';
import { MemoryAuditLog } from '../../src/stores/memory/memory-audit-log.ts';
import { MemoryRateLimits } from '../../src/stores/memory/memory-rate-limits.ts';
import { MemoryStaffDirectory } from '../../src/stores/memory/memory-staff-directory.ts';

const cheap = { N: 2 ** 10, r: 8, p: 1 };
const password = 'Correct-horse-12';
const refusal = { error: 'wrong username or password', code: 'invalid_credentials' };
/** As a reverse proxy in front (TRUST_PROXY=1) tells the client's address. */
const from = (address: string) => ({ 'x-forwarded-for': address });
const cookiePattern = /^__Host-tc_session=([\w-]{43}); HttpOnly; Secure; SameSite=Strict; Path=\/; Max-Age=(\d+)$/;

let clock: ManualClock;
let audit: MemoryAuditLog;
let http: HttpServer;
let base: string;

beforeEach(async () => {
  clock = new ManualClock(new Date('2026-11-21T08:00:00.000Z'));
  const staff = new MemoryStaffDirectory();
  audit = new MemoryAuditLog();
  await addStaff({ staff, audit, clock, actor: 'cli', scrypt: cheap }, { username: 'mei', displayName: 'Mei Lin', role: 'supervisor', password });
  http = new HttpServer(createLogger('silent'));
  const limits = new MemoryRateLimits();
  routeStaffAuth(http, { auth: new StaffAuth({ staff, audit, clock, limits, scrypt: cheap }), clock, limits, trustProxy: 1 });
  base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
});
afterEach(() => http.close());

const call = (method: string, headers: Record<string, string> = {}, body?: string) =>
  fetch(`${base}/api/session`, { method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body }) });

const signIn = (username: string, pass: string, headers: Record<string, string> = {}) => call('POST', headers, JSON.stringify({ username, password: pass }));

/** Signs mei in: the cookie to send back and the CSRF token. */
async function signedIn() {
  const res = await signIn('mei', password);
  expect(res.status).toBe(200);
  const [, token] = cookiePattern.exec(res.headers.getSetCookie()[0] ?? '') ?? [];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: `__Host-tc_session=${token}`, csrfToken };
}

describe('staff sign-in over HTTP', () => {
  it('signs in with a strict session cookie, tells who is signed in, and signs out', async () => {
    const res = await signIn('Mei', password);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { csrfToken: string };
    expect(body).toEqual({
      staff: { id: expect.any(String), username: 'mei', displayName: 'Mei Lin', role: 'supervisor' },
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
      expiresAt: '2026-11-21T20:00:00.000Z',
    });
    const [setCookie, token, maxAge] = cookiePattern.exec(res.headers.getSetCookie()[0] ?? '') ?? [];
    expect(setCookie).toBeDefined();
    expect(maxAge).toBe(String(12 * 3600));
    const cookie = `other=1; __Host-tc_session=${token}`;

    const who = await call('GET', { cookie });
    expect(who.status).toBe(200);
    expect(await who.json()).toEqual(body);

    const out = await call('DELETE', { cookie, 'x-csrf-token': body.csrfToken });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()).toEqual(['__Host-tc_session=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0']);
    const after = await call('GET', { cookie });
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ error: 'sign in first: there is no session, or it has ended', code: 'session_required' });

    const entries = await audit.entries();
    expect(entries.map((e) => e.action)).toEqual(['staff.logout', 'staff.login', 'staff.add']);
    expect(JSON.stringify(entries)).not.toMatch(new RegExp(`${password}|${token}|${body.csrfToken}`));
  });

  it('gives the same 401 for a wrong password and an unknown username', async () => {
    for (const res of [await signIn('mei', 'Wrong-horse-12'), await signIn('nobody', password)]) {
      expect(res.status).toBe(401);
      expect(res.headers.getSetCookie()).toEqual([]);
      expect(await res.json()).toEqual(refusal);
    }
  });

  it('does not let wrong passwords from one address keep the right one out from another', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn('mei', 'Wrong-horse-12', from('203.0.113.7'))).status).toBe(401);
    const backingOff = await signIn('mei', password, from('203.0.113.7'));
    expect(backingOff.status).toBe(429);
    expect(Number(backingOff.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(await backingOff.json()).toEqual({ error: expect.stringContaining('too many wrong passwords'), code: 'rate_limited', retryAfterSeconds: expect.any(Number) });
    expect((await signIn('mei', password, from('198.51.100.9'))).status).toBe(200);
  });

  it('signs out only with the session cookie, the right CSRF token and no foreign Origin', async () => {
    const { cookie, csrfToken } = await signedIn();
    expect((await call('DELETE', { 'x-csrf-token': csrfToken })).status).toBe(401);
    const refused: Record<string, string>[] = [{ cookie }, { cookie, 'x-csrf-token': 'x'.repeat(43) }, { cookie, 'x-csrf-token': csrfToken, origin: 'https://evil.example' }];
    for (const headers of refused) {
      const res = await call('DELETE', headers);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: expect.any(String), code: expect.stringMatching(/^(csrf_invalid|foreign_origin)$/) });
    }
    expect((await call('GET', { cookie })).status).toBe(200);
    expect((await call('DELETE', { cookie, 'x-csrf-token': csrfToken, origin: base })).status).toBe(204);
  });

  it('reads only the one session cookie, once', async () => {
    const { cookie } = await signedIn();
    expect((await call('GET', { cookie: `${cookie}; ${cookie}` })).status).toBe(401);
    expect((await call('GET', { cookie: cookie.replace('__Host-', '') })).status).toBe(401);
  });

  it('refuses a sign-in from a foreign Origin', async () => {
    const res = await signIn('mei', password, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'this request came from another site', code: 'foreign_origin' });
  });

  it('refuses malformed, oversized and incomplete bodies with a clear message', async () => {
    const malformed = await call('POST', {}, '{"username": "mei", "password": ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: 'the request body is not as expected: not valid JSON', code: 'invalid_json' });

    const oversized = await call('POST', {}, JSON.stringify({ username: 'mei', password: 'x'.repeat(5000) }));
    expect(oversized.status).toBe(413);
    expect(await oversized.json()).toEqual({ error: 'the request body is larger than 4096 bytes', code: 'body_too_large', maxBytes: 4096 });

    const missing = await call('POST', {}, JSON.stringify({ username: 'mei' }));
    expect(missing.status).toBe(400);
    const { error } = (await missing.json()) as { error: string };
    expect(error).toMatch(/^the request body is not as expected: .*password/);

    const wrongType = await call('POST', {}, JSON.stringify({ username: 'mei', password: 1234567890123 }));
    expect(wrongType.status).toBe(400);
    expect(await wrongType.text()).not.toContain('1234567890123');
  });

  it('allows 10 sign-in attempts a minute from one address, then says when to try again', async () => {
    for (let i = 0; i < signInRule.points; i++) expect((await call('POST', from('203.0.113.7'), '{}')).status).toBe(400);
    const limited = await signIn('mei', password, from('203.0.113.7'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(55);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await limited.json()).toEqual({ error: expect.stringContaining('too many sign-in attempts'), code: 'rate_limited', retryAfterSeconds: expect.any(Number) });
    expect((await signIn('mei', password, from('198.51.100.9'))).status).toBe(200);
  });
});
