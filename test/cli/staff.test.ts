import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/stores/sql/open-pglite.ts';
import { verifyPassword } from '../../src/staff/password.ts';
import { run } from '../support/cli.ts';

let dataDir: string;
const add = (username: string, password: string) =>
  run(['staff', 'add', '--username', username, '--name', 'Mei Lin', '--role', 'admin'], `${password}\n`, { DATA_DIR: dataDir });

// Each run starts Node and opens PGlite (seconds when new, more on a busy machine) before the full-cost scrypt.
describe('tripcare staff add', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tripcare-staff-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('adds the first admin, with the password from stdin', async () => {
    expect(await add('mei', 'Correct-horse-12')).toMatchObject({ code: 0, stdout: 'Added admin mei (Mei Lin).\n', stderr: '' });
  });

  it('refuses a weak password, before opening the database', async () => {
    expect(await add('ahmed', 'password')).toMatchObject({ code: 1, stderr: 'The password must be at least 12 characters long.\n' });
  });

  it('refuses a username taken in any case', async () => {
    expect(await add('MEI', 'Another-pass-34')).toMatchObject({ code: 1, stderr: 'The username "MEI" is taken.\n' });
  });

  it('puts an agent in desk teams, and refuses a team the teams file does not have', async () => {
    const agent = (username: string, ...teams: string[]) =>
      run(['staff', 'add', '--username', username, '--name', 'Li Na', '--role', 'agent', ...teams.flatMap((t) => ['--team', t])], 'Correct-horse-56\n', { DATA_DIR: dataDir });
    expect(await agent('lina', 'legal', 'finance')).toMatchObject({ code: 0, stdout: 'Added agent lina (Li Na) in legal, finance.\n' });
    const refused = await agent('wang', 'lawyers');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('No team lawyers; the teams are: customer_service, operations, guide_management, finance, legal.');
  });

  it('explains its usage', async () => {
    const result = await run(['staff', 'add', '--username', 'x'], '', { DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('needs --username, --name and --role');
  });

  it('left the account and its audit entry in the database', async () => {
    const sql = await openPglite(dataDir);
    try {
      const mei = await sql.staff.byUsername('mei');
      expect(mei).toMatchObject({ displayName: 'Mei Lin', role: 'admin' });
      expect(await verifyPassword('Correct-horse-12', mei!.passwordHash)).toBe(true);
      expect(await sql.audit.entries({ target: mei!.id })).toEqual([{ actor: 'cli', action: 'staff.add', target: mei!.id, details: { username: 'mei', role: 'admin', teams: [] }, at: expect.any(Date) }]);
      expect((await sql.staff.byUsername('lina'))?.teams).toEqual(['legal', 'finance']);
    } finally {
      await sql.close();
    }
  });
});
