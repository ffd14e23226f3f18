import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import { MemoryAuditLog } from '../../src/stores/memory/memory-audit-log.ts';
import { MemoryStaffDirectory } from '../../src/stores/memory/memory-staff-directory.ts';
import { addStaff, StaffInputError } from '../../src/staff/add-staff.ts';
import { StaffAuth } from '../../src/staff/staff-auth.ts';

const cheap = { N: 2 ** 10, r: 8, p: 1 };
const password = 'Correct-horse-12';
const minutes = (n: number) => n * 60_000;

let clock: ManualClock;
let staff: MemoryStaffDirectory;
let audit: MemoryAuditLog;
let auth: StaffAuth;

beforeEach(async () => {
  clock = new ManualClock(new Date('2026-11-21T08:00:00.000Z'));
  staff = new MemoryStaffDirectory();
  audit = new MemoryAuditLog();
  auth = new StaffAuth({ staff, audit, clock, scrypt: cheap });
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
    const result = await auth.login('Mei', password);
    if (!result.ok) throw new Error(result.refusal);
    expect(result.token).toMatch(/^[\w-]{43}$/);
    expect(result.session.staff).toEqual({ id: expect.any(String), username: 'mei', displayName: 'Mei Lin', role: 'supervisor', teams: [] });
    expect(result.session.expiresAt).toEqual(new Date('2026-11-21T20:00:00.000Z'));
    expect(await auth.session(result.token)).toEqual(result.session);
    expect(await auth.session('not-a-token')).toBeNull();
  });

  it('gives one answer for an unknown username and a wrong password', async () => {
    expect(await auth.login('nobody', password)).toEqual({ ok: false, refusal: 'bad_credentials' });
    expect(await auth.login('mei', 'Wrong-horse-12')).toEqual({ ok: false, refusal: 'bad_credentials' });
  });

  it('locks after 5 failures within 15 minutes, for 15 minutes, even to the right password', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await auth.login('mei', 'Wrong-horse-12')).toEqual({ ok: false, refusal: 'bad_credentials' });
      clock.advance(minutes(2));
    }
    expect(await auth.login('mei', password)).toEqual({ ok: false, refusal: 'locked' });
    clock.advance(minutes(14));
    expect((await auth.login('mei', password)).ok).toBe(true);
    expect((await audit.entries({ target: (await staff.byUsername('mei'))!.id })).map((e) => e.action)).toEqual(['staff.login', 'staff.locked', 'staff.add']);
  });

  it('does not lock for failures spread wider than 15 minutes, and a success starts the count again', async () => {
    for (let i = 0; i < 8; i++) {
      await auth.login('mei', 'Wrong-horse-12');
      clock.advance(minutes(4)); // a new window every fourth failure
    }
    expect((await auth.login('mei', password)).ok).toBe(true);
    for (let i = 0; i < 4; i++) await auth.login('mei', 'Wrong-horse-12');
    expect((await auth.login('mei', password)).ok).toBe(true);
  });

  it('ends a session when it expires and on logout', async () => {
    const first = await auth.login('mei', password);
    const second = await auth.login('mei', password);
    if (!first.ok || !second.ok) throw new Error('not signed in');
    await auth.logout(first.token);
    expect(await auth.session(first.token)).toBeNull();
    expect(await auth.session(second.token)).not.toBeNull();
    clock.advance(12 * 3_600_000);
    expect(await auth.session(second.token)).toBeNull();
    await auth.logout('never-issued'); // harmless
  });

  it('accepts the CSRF token of the session only', async () => {
    const a = await auth.login('mei', password);
    const b = await auth.login('mei', password);
    if (!a.ok || !b.ok) throw new Error('not signed in');
    expect(a.session.csrfToken).not.toBe(b.session.csrfToken);
    expect(auth.checkCsrf(a.session, a.session.csrfToken)).toBe(true);
    expect(auth.checkCsrf(a.session, b.session.csrfToken)).toBe(false);
    expect(auth.checkCsrf(a.session, undefined)).toBe(false);
    expect(auth.checkCsrf(a.session, '')).toBe(false);
  });

  it('audits sign-in, sign-out and locking without a password, hash or token', async () => {
    const result = await auth.login('mei', password);
    if (!result.ok) throw new Error(result.refusal);
    await auth.logout(result.token);
    for (let i = 0; i < 5; i++) await auth.login('mei', 'Wrong-horse-12');
    const entries = await audit.entries();
    expect(entries.map((e) => e.action)).toEqual(['staff.locked', 'staff.logout', 'staff.login', 'staff.add']);
    const written = JSON.stringify(entries);
    const { passwordHash } = (await staff.byUsername('mei'))!;
    for (const secret of [password, 'Wrong-horse-12', passwordHash, result.token, result.session.csrfToken]) expect(written).not.toContain(secret);
  });
});
