import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import type { CaseRegister } from '../../src/ports/case-register.ts';
import type { CorrectiveActions } from '../../src/ports/corrective-actions.ts';
import type { GuideRegistry } from '../../src/ports/guide-registry.ts';
import type { PromiseLedger } from '../../src/ports/promise-ledger.ts';
import { ReportDesk } from '../../src/reports/report-desk.ts';
import type { ReportSource } from '../../src/reports/report-source.ts';
import type { Staff } from '../../src/staff/staff-auth.ts';
import { MemoryAuditLog } from '../../src/stores/memory/memory-audit-log.ts';
import { MemoryCaseRegister } from '../../src/stores/memory/memory-case-register.ts';
import { MemoryCorrectiveActions } from '../../src/stores/memory/memory-corrective-actions.ts';
import { MemoryGuideRegistry } from '../../src/stores/memory/memory-guide-registry.ts';
import { MemoryPromiseLedger } from '../../src/stores/memory/memory-promise-ledger.ts';
import { MemoryReportSource } from '../../src/stores/memory/memory-report-source.ts';
import { MemoryStaffDirectory } from '../../src/stores/memory/memory-staff-directory.ts';
import { openPglite } from '../../src/stores/sql/open-pglite.ts';
import { openPostgres } from '../../src/stores/sql/open-postgres.ts';
import { SqlCorrectiveActions } from '../../src/stores/sql/sql-corrective-actions.ts';
import { SqlReportSource } from '../../src/stores/sql/sql-report-source.ts';
import type { SqlStores } from '../../src/stores/sql/sql-stores.ts';
import { knownSurveys, q3, timeZone, writeKnownQuarter } from '../support/report-data.ts';
import { postgresReachable, postgresUrl, uniqueName } from '../support/services.ts';

interface Stores {
  register: CaseRegister;
  ledger: PromiseLedger;
  guides: GuideRegistry;
  reports: ReportSource;
  actions: CorrectiveActions;
  clock: ManualClock;
  close(): Promise<void>;
}

const supervisor: Staff = { id: 'st-sup', username: 'sup', displayName: 'Sup', role: 'supervisor', teams: [] };

/** The figures of the known quarter, worked out by hand from `writeKnownQuarter`. */
function knownFigures(name: string, make: () => Promise<Stores>): void {
  describe(`reports on the known quarter: ${name}`, () => {
    let stores: Stores;
    let desk: ReportDesk;
    let guides: { ann: string; bo: string; cai: string };
    beforeAll(async () => {
      stores = await make();
      guides = await writeKnownQuarter(stores);
      const staff = new MemoryStaffDirectory();
      desk = new ReportDesk({
        reports: stores.reports, guides: stores.guides, actions: stores.actions, staff, audit: new MemoryAuditLog(),
        surveys: knownSurveys,
        clock: stores.clock, timeZone,
      });
    }, 60_000);
    afterAll(async () => {
      await stores?.close();
    });

    const monthly = { ...q3, by: 'month' as const };
    const table = async (name: Parameters<ReportDesk['report']>[1], by: 'month' | 'quarter' = 'month') => {
      const report = await desk.report(supervisor, name, { ...q3, by });
      return Object.fromEntries(report.rows.map((r) => [r.key, [...r.values, r.total]]));
    };

    it('counts complaints by category, local dates deciding the month and the period', async () => {
      const report = await desk.report(supervisor, 'categories', monthly);
      expect(report.buckets).toEqual(['2026-07', '2026-08', '2026-09']);
      expect(report.rows.map((r) => [r.key, ...r.values, r.total])).toEqual([
        ['accommodation', 2, 0, 1, 3], ['meals', 0, 1, 0, 1], ['transport', 1, 0, 0, 1],
      ]);
      expect((await desk.report(supervisor, 'top-categories', monthly)).rows.map((r) => r.key)).toEqual(['accommodation', 'meals', 'transport']);
    });

    it('counts by departure, by the guide leading it then, and by responsible party', async () => {
      expect(await table('tours')).toEqual({ 'GZ-1': [2, 0, 0, 2], 'XA-2': [0, 1, 1, 2] });
      const byGuide = await desk.report(supervisor, 'guides', monthly);
      expect(Object.fromEntries(byGuide.rows.map((r) => [r.label, [...r.values, r.total]]))).toEqual({ Ann: [2, 0, 0, 2], Bo: [0, 1, 0, 1], Cai: [0, 0, 1, 1] });
      expect(byGuide.rows[0]?.key).toBe(guides.ann);
      expect(await table('parties')).toEqual({ supplier: [1, 0, 1, 2], guide: [1, 0, 0, 1] });
    });

    it('measures promised times met: first replies of handed-off cases, resolutions once known', async () => {
      // First reply: C1 missed (Jul), C3 and C6 kept: 2 of 3. Resolution: C1, C2, C6 resolved, C3 missed; C5 not judged yet: 3 of 4.
      expect(await table('sla')).toEqual({ first_response_met: [0, 100, 100, 66.7], resolution_met: [100, 0, 100, 75] });
    });

    it('rates satisfaction per quarter: scores of 4 and 5', async () => {
      expect(await table('satisfaction', 'quarter')).toEqual({ all: [75, 75], guide: [100, 100], overall: [66.7, 66.7] });
    });

    it('counts suggestions and praise, left without a complaint', async () => {
      expect(await table('feedback')).toEqual({ suggestion: [1, 1, 0, 2], praise: [0, 1, 0, 1] });
    });

    it('counts the bot resolving against handing off', async () => {
      // July: C1 handed off, C2 settled by the bot, C5 still open: 1 of 3 handed off. Five cases, three handed off.
      expect(await table('handoffs')).toEqual({ bot_resolved: [1, 0, 0, 1], handed_off: [1, 1, 1, 3], handed_off_rate: [33.3, 100, 100, 60] });
    });

    it('sums remedy costs: accepted offers, and each party’s shares', async () => {
      expect(await table('costs')).toEqual({ accepted: [780.5, 0, 0, 780.5], 'party:guide': [198, 0, 0, 198], 'party:supplier': [462, 0, 0, 462] });
    });

    it('shows whether complaints fell after a corrective action, and when it is overdue', async () => {
      stores.clock.advance(Date.parse('2026-08-01T00:00:00Z') - stores.clock.now().getTime());
      const opened = await desk.openAction(supervisor, { target: { kind: 'category', value: 'accommodation' }, title: 'Hotel checks', ownerId: supervisor.id, dueDate: '2026-08-15' })
        .catch((e: unknown) => e);
      // The owner must be staff: the directory here is empty.
      expect(opened).toMatchObject({ status: 400 });
      const action = await stores.actions.open({ target: { kind: 'category', value: 'accommodation' }, title: 'Hotel checks', ownerId: 'st-owner', dueDate: '2026-08-15', openedBy: supervisor.id, openedAt: stores.clock.now() });
      stores.clock.advance(31 * 86_400_000); // Sep 1: 31 days either side, C1 and C2 before, none after
      expect((await desk.actions(supervisor)).find((a) => a.id === action.id)).toMatchObject({ overdue: true, effect: { days: 31, before: 2, after: 0 } });
      stores.clock.advance(Date.parse('2027-01-01T00:00:00Z') - stores.clock.now().getTime()); // capped at 90 days: C6 falls after
      expect((await desk.actions(supervisor)).find((a) => a.id === action.id)).toMatchObject({ effect: { days: 90, before: 2, after: 1 } });
      expect(await desk.markDone(supervisor, action.id)).toMatchObject({ status: 'done', overdue: false });
    });

    it('refuses agents', async () => {
      await expect(desk.report({ ...supervisor, role: 'agent' }, 'categories', monthly)).rejects.toMatchObject({ status: 403 });
      await expect(desk.actions({ ...supervisor, role: 'partner' })).rejects.toMatchObject({ status: 403 });
    });
  });
}

knownFigures('memory', async () => {
  const clock = new ManualClock(new Date('2026-06-01T00:00:00Z'));
  const register = new MemoryCaseRegister(clock);
  const ledger = new MemoryPromiseLedger();
  return {
    register, ledger, clock, guides: new MemoryGuideRegistry(), reports: new MemoryReportSource({ register, ledger }),
    actions: new MemoryCorrectiveActions(), close: async () => undefined,
  };
});

const onSql = (stores: SqlStores, clock: ManualClock, close: () => Promise<void>): Stores => ({
  register: stores.register, ledger: stores.ledger, guides: stores.guides, clock,
  reports: new SqlReportSource(stores.db), actions: new SqlCorrectiveActions(stores.db), close,
});

knownFigures('pglite', async () => {
  const clock = new ManualClock(new Date('2026-06-01T00:00:00Z'));
  const dir = await mkdtemp(join(tmpdir(), 'tripcare-reports-'));
  const stores = await openPglite(dir, { clock });
  return onSql(stores, clock, async () => {
    await stores.close();
    await rm(dir, { recursive: true, force: true });
  });
});

const up = await postgresReachable();
describe.skipIf(!up)('on PostgreSQL', () => {
  knownFigures('postgres', async () => {
    const clock = new ManualClock(new Date('2026-06-01T00:00:00Z'));
    const schema = uniqueName('tripcare_reports');
    const stores = await openPostgres(postgresUrl, { schema, clock });
    return onSql(stores, clock, async () => {
      await stores.db.exec(`DROP SCHEMA ${schema} CASCADE`);
      await stores.close();
    });
  });
});
