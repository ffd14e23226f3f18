import { ManualClock } from '../../src/clock/manual-clock.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/ledger/chain.ts';
import { openPostgres } from '../../src/stores/sql/open-postgres.ts';
import { PostgresDatabase } from '../../src/stores/sql/postgres-database.ts';
import { loadMigrations, migrate } from '../../src/stores/sql/migrate.ts';
import { sqlStoresOn } from '../../src/stores/sql/sql-stores.ts';
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
import { postgresReachable, postgresUrl, uniqueName } from '../support/services.ts';
import { sqlExtras } from './sql-extras.ts';

const up = await postgresReachable();
const schema = uniqueName('tripcare_test');
const clock = new ManualClock();
let stores: SqlStores;

describe.skipIf(!up)(`PostgreSQL stores (${postgresUrl}, schema ${schema})`, () => {
  beforeAll(async () => {
    stores = await openPostgres(postgresUrl, { schema, clock });
  });
  afterAll(async () => {
    await stores?.db.exec(`DROP SCHEMA ${schema} CASCADE`);
    await stores?.close();
  });

  caseRegisterContract('postgres', async () => stores.register, clock);
  promiseLedgerContract('postgres', async () => {
    await stores.db.exec('TRUNCATE ledger_entries');
    return stores.ledger;
  });
  staffDirectoryContract('postgres', async () => stores.staff);
  auditLogContract('postgres', async () => {
    await stores.db.exec('TRUNCATE audit_log');
    return stores.audit;
  });
  escalationDeskContract('postgres', async () => {
    await stores.db.exec('TRUNCATE desk_tickets, desk_notes');
    return stores.desk;
  });
  guideRegistryContract('postgres', async () => {
    await stores.db.exec('TRUNCATE guides, guide_codes, guide_bindings');
    return stores.guides;
  });
  incidentRegisterContract('postgres', async () => {
    await stores.db.exec('TRUNCATE incidents, incident_affected');
    return stores.incidents;
  });
  departureRosterContract('postgres', async () => {
    await stores.db.exec('TRUNCATE roster_travellers, trips');
    return stores.roster;
  });
  correctiveActionsContract('postgres', async () => {
    await stores.db.exec('TRUNCATE corrective_actions');
    return new SqlCorrectiveActions(stores.db);
  });
  surveyStoreContract('postgres', async () => {
    await stores.db.exec('TRUNCATE survey_answers, feedback_entries');
    return stores.surveys;
  });
  sqlExtras(() => stores);

  it('lets concurrent migrators in several processes apply each migration once', async () => {
    const other = uniqueName('tripcare_test');
    const dbs = Array.from({ length: 4 }, () => new PostgresDatabase({ url: postgresUrl, schema: other, maxConnections: 1 }));
    try {
      await dbs[0]!.createSchema(other);
      const applied = await Promise.all(dbs.map((db) => migrate(db)));
      expect(applied.flat().sort((a, b) => a - b)).toEqual((await loadMigrations()).map((m) => m.version)); // each once, by one of them
    } finally {
      await dbs[0]!.exec(`DROP SCHEMA ${other} CASCADE`);
      await Promise.all(dbs.map((db) => db.close()));
    }
  });

  it('keeps one chain when appends come from separate pools (as from separate processes)', async () => {
    await stores.db.exec('TRUNCATE ledger_entries');
    const pools = await Promise.all(Array.from({ length: 3 }, () => sqlStoresOn(new PostgresDatabase({ url: postgresUrl, schema, maxConnections: 4 }))));
    try {
      const at = new Date('2026-11-21T08:00:00.000Z');
      await Promise.all(pools.flatMap((p, n) => Array.from({ length: 10 }, (_, i) => p.ledger.append([{ caseId: `TC-P${n}`, kind: 'offer', payload: { i }, policyVersion: 'p1', at }]))));
      const entries = await stores.ledger.entries();
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(verifyChain(entries).ok).toBe(true);
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
  });
});
