import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFuzz } from '../support/fuzz-run.ts';
import { FuzzTarget } from '../support/fuzz-target.ts';

/** The short run; `npm run bench:fuzz` sends 20,000 and more. */
const requests = Number(process.env.FUZZ_REQUESTS ?? 3_000);
const seed = Number(process.env.FUZZ_SEED ?? 20_261_203);

let target: FuzzTarget;
beforeAll(async () => {
  target = await FuzzTarget.start();
}, 120_000);
afterAll(() => target.close());

const at = (path: string) => `${target.context.base}${path}`;
const admin = () => target.context.staff.find((s) => s.role === 'admin')!;

/** GET `path` exactly as written: fetch would tidy a path such as `//`. */
const rawGet = (path: string): Promise<number | undefined> => new Promise((resolve, reject) => {
  request({ host: '127.0.0.1', port: target.context.port, path }, (res) => resolve(res.resume().statusCode)).on('error', reject).end();
});

describe('hostile input at the HTTP boundary is refused or cleaned, never a 500 (issue 15, failure 7)', () => {
  it('refuses a Direct Line activity whose value is nested 5,000 deep with 400', async () => {
    const { conversationId, token } = target.context.directLine;
    const body = `{"type":"message","from":{"id":"traveller-1"},"text":"hi","value":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
    const res = await fetch(at(`/v3/directline/conversations/${conversationId}/activities`), {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body,
    });
    expect(res.status).toBe(400);
  });

  it('answers a sign-in with a NUL or a lone surrogate in the username as any wrong one: 401', async () => {
    for (const username of ['admin\u00000', 'ad\ud800min0']) {
      const res = await fetch(at('/api/session'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'not-the-password-1' }) });
      expect(res.status).toBe(401);
    }
  });

  it('refuses a NUL in the query with 400', async () => {
    for (const path of ['/api/incidents?tourCode=%00', '/api/queue?team=a%00b']) {
      expect((await fetch(at(path), { headers: { cookie: admin().cookie } })).status).toBe(400);
    }
  });

  it('refuses a request target that is no path with 400, and goes on serving', async () => {
    for (const path of ['//', '//:80', '//%']) expect(await rawGet(path)).toBe(400);
    expect(await rawGet('/healthz')).toBe(200);
  });

  it('refuses a trip file holding NUL (a UTF-16 file, say) with 400', async () => {
    const csv = 'tour_code,departure_date,return_date,ref,name\nGZ-2611-A,2026-11-01,2026-11-08,T\u00001,Li Wei\n';
    const res = await fetch(at('/api/trips/import'), { method: 'POST', headers: { cookie: admin().cookie, 'x-csrf-token': admin().csrf, 'content-type': 'text/csv' }, body: csv });
    expect(res.status).toBe(400);
  });

  it('refuses report periods PostgreSQL cannot take as instants (year 0, past 9999) with 400', async () => {
    for (const path of ['/api/reports/categories?from=0000-01-01&to=0001-01-01', '/api/reports/sla.csv?to=0001-06-01', '/reports/quarterly?quarter=9999-Q4']) {
      expect((await fetch(at(path), { headers: { cookie: admin().cookie } })).status).toBe(400);
    }
  });
});

describe('a fuzz of every public route', () => {
  it(`answers ${requests} malformed, hostile, huge, deep, mistyped and misencoded requests without a 5xx`, async () => {
    const outcome = await runFuzz(target, { requests, seed });
    expect(outcome.serverErrors).toEqual([]);
    expect(outcome.failures).toEqual([]);
    expect(outcome.requests).toBe(requests);
    // Most got past the door: the routes' own checks answered, not only the limits.
    expect(outcome.statuses[429] ?? 0).toBeLessThan(requests / 10);
    expect(await rawGet('/healthz')).toBe(200);
  }, 120_000);
});
