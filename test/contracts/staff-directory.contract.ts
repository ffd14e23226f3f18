import { beforeEach, describe, expect, it } from 'vitest';
import type { NewStaffAccount, StaffDirectory } from '../../src/ports/staff-directory.ts';
import { UsernameTakenError } from '../../src/ports/staff-directory.ts';

const at = new Date('2026-11-21T08:00:00.000Z');
const later = (ms: number) => new Date(at.getTime() + ms);
const account = (over: Partial<NewStaffAccount> = {}): NewStaffAccount => ({
  username: `mei${Math.random().toString(36).slice(2, 8)}`, displayName: 'Mei Lin', role: 'agent', passwordHash: 'scrypt$N=2,r=1,p=1$c2FsdA$a2V5', teams: [], ...over,
});

/** What every staff directory must do, whatever it stores in. */
export function staffDirectoryContract(name: string, make: () => Promise<StaffDirectory>): void {
  describe(`StaffDirectory: ${name}`, () => {
    let staff: StaffDirectory;
    beforeEach(async () => {
      staff = await make();
    });

    it('adds an account and finds it by id and by username in any case', async () => {
      const added = await staff.add(account({ username: 'MeiLin', role: 'admin' }), at);
      expect(added).toMatchObject({ username: 'MeiLin', displayName: 'Mei Lin', role: 'admin', teams: [], createdAt: at });
      expect(await staff.get(added.id)).toEqual(added);
      expect(await staff.byUsername('meilin')).toEqual(added);
      expect(await staff.byUsername('nobody')).toBeUndefined();
      expect(await staff.get('no-such-id')).toBeUndefined();
    });

    it('refuses a username taken in another case', async () => {
      await staff.add(account({ username: 'Ahmed' }), at);
      await expect(staff.add(account({ username: 'aHMED' }), at)).rejects.toBeInstanceOf(UsernameTakenError);
    });

    it('lists every account by username regardless of case', async () => {
      // The SQL stores keep accounts between tests: look only at this test's.
      const tag = Math.random().toString(36).slice(2, 8);
      for (const username of [`b_${tag}`, `C_${tag}`, `a_${tag}`, `B2_${tag}`]) await staff.add(account({ username }), at);
      const listed = await staff.list();
      expect(listed.map((a) => a.username).filter((u) => u.endsWith(tag))).toEqual([`a_${tag}`, `B2_${tag}`, `b_${tag}`, `C_${tag}`]);
      expect(listed.find((a) => a.username === `a_${tag}`)).toEqual(await staff.byUsername(`a_${tag}`));
    });

    it('finds a session until it expires, and not after it is deleted', async () => {
      const { id } = await staff.add(account(), at);
      const session = { tokenHash: `hash-${Math.random()}`, staffId: id, createdAt: at, expiresAt: later(3_600_000) };
      await staff.createSession(session);
      expect(await staff.findSession(session.tokenHash, later(3_599_999))).toEqual(session);
      expect(await staff.findSession(session.tokenHash, later(3_600_000))).toBeUndefined();
      expect(await staff.findSession('unknown', at)).toBeUndefined();
      await staff.deleteSession(session.tokenHash);
      expect(await staff.findSession(session.tokenHash, at)).toBeUndefined();
    });
  });
}
