import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import { routeStaffAuth } from '../../src/console/auth-routes.ts';
import { HttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/log.ts';
import { addStaff } from '../../src/staff/add-staff.ts';
import { StaffAuth } from '../../src/staff/staff-auth.ts';
import { MemoryAuditLog } from '../../src/stores/memory/memory-audit-log.ts';
import { MemoryRateLimits } from '../../src/stores/memory/memory-rate-limits.ts';
import { MemoryStaffDirectory } from '../../src/stores/memory/memory-staff-directory.ts';

/** An eighth of the real cost (16 MiB), so the flood fits a test; the real one only makes it worse without the gate. */
const scrypt = { N: 2 ** 14, r: 8, p: 1 };
const password = 'Correct-horse-12';
const floodSize = 200;

const clock = new ManualClock(new Date('2026-11-21T08:00:00.000Z'));
const staff = new MemoryStaffDirectory();
const audit = new MemoryAuditLog();
const http = new HttpServer(createLogger('silent'));
let base = '';

beforeAll(async () => {
  await addStaff({ staff, audit, clock, actor: 'cli', scrypt }, { username: 'mei', displayName: 'Mei Lin', role: 'supervisor', password });
  const limits = new MemoryRateLimits();
  routeStaffAuth(http, { auth: new StaffAuth({ staff, audit, clock, limits, scrypt }), clock, limits, trustProxy: 1 });
  base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
});
afterAll(() => http.close());

/** A sign-in through a reverse proxy (TRUST_PROXY=1) that says it came from `address`. */
const signIn = (pass: string, address: string) => fetch(`${base}/api/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
  body: JSON.stringify({ username: 'mei', password: pass }),
});

describe('a sign-in flood', () => {
  it(`of ${floodSize} wrong passwords from ${floodSize} addresses leaves a real sign-in under 2 s`, async () => {
    const lookups = vi.spyOn(staff, 'byUsername');
    const flood = Array.from({ length: floodSize }, (_, i) => signIn('Wrong-horse-12', `10.0.${i >> 8}.${i & 255}`));
    // Every one of them is past the per-address limits and at the hashing.
    await vi.waitFor(() => expect(lookups).toHaveBeenCalledTimes(floodSize), { timeout: 10_000, interval: 5 });

    const started = performance.now();
    const real = await signIn(password, '203.0.113.50');
    const took = performance.now() - started;
    expect(real.status).toBe(200);
    expect(took).toBeLessThan(2_000);

    const answers = await Promise.all(flood);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 401 && s !== 503)).toEqual([]);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(floodSize / 2);
    expect(answers.find((a) => a.status === 503)?.headers.get('retry-after')).toBe('1');
  }, 30_000);
});
