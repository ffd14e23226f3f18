import { SystemClock } from '../../clock/system-clock.ts';
import type { Probe } from '../../ops/health.ts';
import type { Clock } from '../../ports/clock.ts';
import { migrate } from './migrate.ts';
import { SqlAuditLog } from './sql-audit-log.ts';
import { SqlCaseRegister } from './sql-case-register.ts';
import type { SqlDatabase } from './sql-database.ts';
import { SqlCorrectiveActions } from './sql-corrective-actions.ts';
import { SqlDepartureRoster } from './sql-departure-roster.ts';
import { SqlReportSource } from './sql-report-source.ts';
import { SqlEscalationDesk } from './sql-escalation-desk.ts';
import { SqlGuideRegistry } from './sql-guide-registry.ts';
import { SqlIncidentRegister } from './sql-incident-register.ts';
import { SqlPromiseLedger } from './sql-promise-ledger.ts';
import { SqlStaffDirectory } from './sql-staff-directory.ts';
import { SqlSurveyStore } from './sql-survey-store.ts';

/** The stores kept in SQL, on one database. `close()` closes the database. */
export interface SqlStores {
  db: SqlDatabase;
  register: SqlCaseRegister;
  ledger: SqlPromiseLedger;
  staff: SqlStaffDirectory;
  audit: SqlAuditLog;
  desk: SqlEscalationDesk;
  guides: SqlGuideRegistry;
  incidents: SqlIncidentRegister;
  roster: SqlDepartureRoster;
  reports: SqlReportSource;
  actions: SqlCorrectiveActions;
  surveys: SqlSurveyStore;
  /** For /readyz: the database answers a query. */
  probe: Probe;
  close(): Promise<void>;
}

/** Brings the schema up to date, then builds the stores on `db`; closes `db` if that fails. */
export async function sqlStoresOn(db: SqlDatabase, clock: Clock = new SystemClock()): Promise<SqlStores> {
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
  return {
    db,
    register: new SqlCaseRegister(db, clock),
    ledger: new SqlPromiseLedger(db),
    staff: new SqlStaffDirectory(db),
    audit: new SqlAuditLog(db),
    desk: new SqlEscalationDesk(db),
    guides: new SqlGuideRegistry(db),
    incidents: new SqlIncidentRegister(db),
    roster: new SqlDepartureRoster(db),
    reports: new SqlReportSource(db),
    actions: new SqlCorrectiveActions(db),
    surveys: new SqlSurveyStore(db),
    probe: { name: db.dialect, check: async () => void (await db.query('SELECT 1')) },
    close: () => db.close(),
  };
}
