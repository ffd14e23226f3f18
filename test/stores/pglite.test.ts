import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import { DataDirLock } from '../../src/stores/sql/data-dir-lock.ts';
import { openPglite } from '../../src/stores/sql/open-pglite.ts';
import type { SqlStores } from '../../src/stores/sql/sql-stores.ts';
import { SqlCorrectiveActions } from '../../src/stores/sql/sql-corrective-actions.ts';
import { auditLogContract } from '../contracts/audit-log.contract.ts';
import { caseRegisterContract } from '../contracts/case-register.contract.ts';
import { correctiveActionsContract } from '../contracts/corrective-actions.contract.ts';
import { departureRosterContract } from '../contracts/departure-roster.contract.ts';
import { escalationDeskContract } from '../contracts/escalation-desk.contract.ts';
import { guideRegistryContract } from '../contracts/guide-registry.contract.ts';
import { incidentRegisterContract } from '../contracts/incident-register.contract.ts';
import { promiseLedgerContract } from '../contracts/promise-ledger.contract.ts';
import { staffDirectoryContract } from '../contracts/staff-directory.contract.ts';
import { surveyStoreContract } from '../contracts/survey-store.contract.ts';
import { Child } from '../support/child.ts';
import { sqlExtras } from './sql-extras.ts';

let dir: string;
/** The case register's clock, kept across the reopen below. */
const clock = new ManualClock();
let stores: SqlStores;

/** The pid of a process that has exited: what a crashed owner leaves in its lock file. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('PGlite stores', () => {
  // Opened once for the whole file: the first open of a new directory takes seconds.
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tripcare-pglite-'));
    stores = await openPglite(dir, { clock });
  }, 30_000);
  afterAll(async () => {
    await stores?.close();
    await rm(dir, { recursive: true, force: true });
  });

  caseRegisterContract('pglite', async () => stores.register, clock);
  promiseLedgerContract('pglite', async () => {
    await stores.db.exec('TRUNCATE ledger_entries');
    return stores.ledger;
  });
  staffDirectoryContract('pglite', async () => stores.staff);
  auditLogContract('pglite', async () => {
    await stores.db.exec('TRUNCATE audit_log');
    return stores.audit;
  });
  escalationDeskContract('pglite', async () => {
    await stores.db.exec('TRUNCATE desk_tickets, desk_notes');
    return stores.desk;
  });
  guideRegistryContract('pglite', async () => {
    await stores.db.exec('TRUNCATE guides, guide_codes, guide_bindings');
    return stores.guides;
  });
  incidentRegisterContract('pglite', async () => {
    await stores.db.exec('TRUNCATE incidents, incident_affected');
    return stores.incidents;
  });
  departureRosterContract('pglite', async () => {
    await stores.db.exec('TRUNCATE roster_travellers, trips');
    return stores.roster;
  });
  correctiveActionsContract('pglite', async () => {
    await stores.db.exec('TRUNCATE corrective_actions');
    return new SqlCorrectiveActions(stores.db);
  });
  surveyStoreContract('pglite', async () => {
    await stores.db.exec('TRUNCATE survey_answers, feedback_entries');
    return stores.surveys;
  });
  sqlExtras(() => stores);

  it('refuses a second process the data directory, saying which process has it', async () => {
    const child = new Child('pglite-open-child.ts', [dir]);
    const result = await child.next('result');
    await child.exited;
    expect(result.opened).toBe(false);
    expect(result.message).toContain(`in use by process ${process.pid}`);
    expect(result.message).toContain('PGlite allows one process per data directory');
  });

  it('takes over the lock of a process that died, and finds the data where it was left', async () => {
    await stores.ledger.append([{ caseId: 'TC-KEPT22', kind: 'offer', payload: { amount: 1 }, policyVersion: 'p1', at: new Date() }]);
    await stores.close();
    const stale = JSON.stringify({ pid: await deadPid(), host: hostname(), since: '2026-11-20T00:00:00.000Z' });
    await writeFile(join(dir, 'tripcare.lock'), stale);
    stores = await openPglite(dir, { clock });
    expect(JSON.parse(await readFile(join(dir, 'tripcare.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    expect((await stores.ledger.entries('TC-KEPT22')).map((e) => e.payload)).toEqual([{ amount: 1 }]);
  }, 30_000);
});

describe('DataDirLock', () => {
  let lockDir: string;
  beforeAll(async () => {
    lockDir = await mkdtemp(join(tmpdir(), 'tripcare-lock-'));
  });
  afterAll(async () => {
    await rm(lockDir, { recursive: true, force: true });
  });

  it('refuses a second open in the same process, and allows one after release', async () => {
    const lock = await DataDirLock.acquire(lockDir);
    await expect(DataDirLock.acquire(lockDir)).rejects.toThrow(`in use by process ${process.pid}`);
    await lock.release();
    await (await DataDirLock.acquire(lockDir)).release();
  });

  it('treats a lock file being written (empty, just made) as held, and an old unreadable one as stale', async () => {
    const path = join(lockDir, 'tripcare.lock');
    await writeFile(path, '');
    await expect(DataDirLock.acquire(lockDir)).rejects.toThrow('in use by a process starting now');
    const old = new Date(Date.now() - 60_000);
    const { utimes } = await import('node:fs/promises');
    await utimes(path, old, old);
    await (await DataDirLock.acquire(lockDir)).release();
  });

  it('lets exactly one of several racing takers have a stale lock', async () => {
    await writeFile(join(lockDir, 'tripcare.lock'), JSON.stringify({ pid: await deadPid(), host: hostname(), since: 'then' }));
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => DataDirLock.acquire(lockDir)));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    await won[0]!.value.release();
  });
});
