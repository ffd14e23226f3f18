import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import { MemoryAuditLog } from '../../src/stores/memory/memory-audit-log.ts';
import { MemoryRateLimits } from '../../src/stores/memory/memory-rate-limits.ts';
import { MemoryStaffDirectory } from '../../src/stores/memory/memory-staff-directory.ts';
import { addStaff, StaffInputError } from '../../src/staff/add-staff.ts';
import { HashGate } from '../../src/staff/hash-gate.ts';
import { StaffAuth } from '../../src/staff/staff-auth.ts';

const cheap = { N: 2 ** 10, r: 8, p: 1 };
const password = 'Correct-horse-12';
const [here, there] = ['203.0.113.7', '198.51.100.9'];

let clock: ManualClock;
let staff: MemoryStaffDirectory;
let audit: MemoryAuditLog;
let auth: StaffAuth;

beforeEach(async () => {
  clock = new ManualClock(new Date('2026-11-21T08:00:00.000Z'));
  staff = new MemoryStaffDirectory();
  audit = new MemoryAuditLog();
  auth = new StaffAuth({ staff, audit, clock, limits: new MemoryRateLimits(), scrypt: cheap });
  await addStaff({ staff, audit, clock, actor: 'cli', scrypt: cheap }, { username: 'mei', displayName: 'Mei Lin', role: 'supervisor', password });
});

describe('adding staff', () => {
  it('refuses bad input with a message for the person asking', async () => {
    const add = (over: object) => addStaff({ staff, audit, clock, actor: 'cli', scrypt: cheap }, { username: 'ahmed', displayName: 'Ahmed', role: 'agent', password, ...over });
    await expect(add({ username: 'MEI' })).rejects.toThrow(new StaffInputError('The username "MEI" is taken.'));
    await expect(add({ role: 'owner' })).rejects.toThrow('The role must be one of: agent, supervisor, executive, admin, partner.');
    await expect(add({ password: 'aaaaaaaaaaaaaaa' })).rejects.toThrow('at least two kinds of characters');
    await expect(add({ username: 'a b' })).rejects.toThrow('The username must be');
    await expect(add({ displayName: '  ' })).rejects.toThrow('The name must not be empty.');
  });
});

describe('StaffAuth', () => {
  it('signs in with the right password, in any case of username, and opens the session by token', async () => {
    const result = await auth.login('Mei', password, here);
    if (!result.ok) throw new Error(result.refusal);
    expect(result.token).toMatch(/^[\w-]{43}$/);
    expect(result.session.staff).toEqual({ id: expect.any(String), username: 'mei', displayName: 'Mei Lin', role: 'supervisor', teams: [] });
    expect(result.session.expiresAt).toEqual(new Date('2026-11-21T20:00:00.000Z'));
    expect(await auth.session(result.token)).toEqual(result.session);
    expect(await auth.session('not-a-token')).toBeNull();
  });

  it('gives one answer for an unknown username and a wrong password', async () => {
    expect(await auth.login('nobody', password, here)).toEqual({ ok: false, refusal: 'bad_credentials' });
    expect(await auth.login('mei', 'Wrong-horse-12', here)).toEqual({ ok: false, refusal: 'bad_credentials' });
  });

  it('after 5 wrong passwords backs off that username from that address only, for 15 minutes', async () => {
    for (let i = 0; i < 5; i++) expect(await auth.login('mei', 'Wrong-horse-12', here)).toEqual({ ok: false, refusal: 'bad_credentials' });
    const backingOff = await auth.login('MEI', password, here);
    expect(backingOff).toEqual({ ok: false, refusal: 'backing_off', retryAfterMs: expect.any(Number) });
    expect((backingOff as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(14 * 60_000);
    expect((await auth.login('mei', password, there)).ok).toBe(true);
    expect(await auth.login('mei', password, here)).toMatchObject({ refusal: 'backing_off' });
    expect((await audit.entries({ target: (await staff.byUsername('mei'))!.id })).map((e) => e.action)).toEqual(['staff.login', 'staff.sign_in_backoff', 'staff.add']);
  });

  it('backs off unknown usernames alike, so backing off tells no username', async () => {
    for (let i = 0; i < 5; i++) await auth.login('nobody', 'Wrong-horse-12', here);
    expect(await auth.login('nobody', password, here)).toMatchObject({ ok: false, refusal: 'backing_off' });
  });

  it('forgets the wrong passwords of a username and address once the right one comes', async () => {
    for (let i = 0; i < 4; i++) await auth.login('mei', 'Wrong-horse-12', here);
    expect((await auth.login('mei', password, here)).ok).toBe(true);
    for (let i = 0; i < 4; i++) await auth.login('mei', 'Wrong-horse-12', here);
    expect((await auth.login('mei', password, here)).ok).toBe(true);
  });

  it('turns a sign-in away as busy when its gate is full, with no failure counted', async () => {
    const gate = new HashGate({ concurrent: 1, waiting: 1, maxWaitMs: 50 });
    const gated = new StaffAuth({ staff, audit, clock, limits: new MemoryRateLimits(), gate, scrypt: cheap });
    let release = () => {};
    const held = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
    expect(await gated.login('mei', password, here)).toEqual({ ok: false, refusal: 'busy', retryAfterMs: 1_000 });
    release();
    await held;
    expect((await gated.login('mei', password, here)).ok).toBe(true);
  });

  it('ends a session when it expires and on logout', async () => {
    const first = await auth.login('mei', password, here);
    const second = await auth.login('mei', password, here);
    if (!first.ok || !second.ok) throw new Error('not signed in');
    await auth.logout(first.token);
    expect(await auth.session(first.token)).toBeNull();
    expect(await auth.session(second.token)).not.toBeNull();
    clock.advance(12 * 3_600_000);
    expect(await auth.session(second.token)).toBeNull();
    await auth.logout('never-issued'); // harmless
  });

  it('accepts the CSRF token of the session only', async () => {
    const a = await auth.login('mei', password, here);
    const b = await auth.login('mei', password, here);
    if (!a.ok || !b.ok) throw new Error('not signed in');
    expect(a.session.csrfToken).not.toBe(b.session.csrfToken);
    expect(auth.checkCsrf(a.session, a.session.csrfToken)).toBe(true);
    expect(auth.checkCsrf(a.session, b.session.csrfToken)).toBe(false);
    expect(auth.checkCsrf(a.session, undefined)).toBe(false);
    expect(auth.checkCsrf(a.session, '')).toBe(false);
  });

  it('audits sign-in, sign-out and backing off without a password, hash, token or address', async () => {
    const result = await auth.login('mei', password, here);
    if (!result.ok) throw new Error(result.refusal);
    await auth.logout(result.token);
    for (let i = 0; i < 5; i++) await auth.login('mei', 'Wrong-horse-12', here);
    const entries = await audit.entries();
    expect(entries.map((e) => e.action)).toEqual(['staff.sign_in_backoff', 'staff.logout', 'staff.login', 'staff.add']);
    expect(entries[0]?.details).toEqual({ failures: 5, minutes: 15 });
    const written = JSON.stringify(entries);
    const { passwordHash } = (await staff.byUsername('mei'))!;
    for (const secret of [password, 'Wrong-horse-12', passwordHash, result.token, result.session.csrfToken, here]) expect(written).not.toContain(secret);
  });
});
