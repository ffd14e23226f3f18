import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/stores/sql/open-pglite.ts';
import { run } from '../support/cli.ts';

describe('tripcare ledger verify', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tripcare-ledger-'));
    const sql = await openPglite(dataDir);
    for (const kind of ['offer', 'acceptance', 'deadline'] as const) {
      await sql.ledger.append([{ caseId: 'TC-AAAAAA', kind, payload: { total: 660 }, policyVersion: 'test', at: new Date('2026-11-21T02:00:00Z') }]);
    }
    await sql.close();
  }, 30_000);

  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('reports an intact chain', async () => {
    const { code, stdout } = await run(['ledger', 'verify'], '', { DATA_DIR: dataDir });
    expect(stdout).toBe('ledger intact: 3 entries\n');
    expect(code).toBe(0);
  }, 30_000);

  it('finds an amount changed behind its back', async () => {
    const sql = await openPglite(dataDir);
    await sql.db.query(`UPDATE ledger_entries SET payload = '{"total": 6600}'::jsonb WHERE seq = 2`);
    await sql.close();
    const { code, stdout } = await run(['ledger', 'verify'], '', { DATA_DIR: dataDir });
    expect(stdout).toBe('ledger BROKEN at entry 2 of 3: its content was changed\n');
    expect(code).toBe(1);
  }, 30_000);
});
