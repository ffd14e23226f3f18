import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { abandonFaultRuns, formatReport, runFaults } from '../support/fault-run.ts';
import { postgresReachable, redisReachable } from '../support/services.ts';

const ready = (await redisReachable()) && (await postgresReachable());

// The short version of `npm run bench:faults` (test/support/fault-run.ts): the same processes, proxies and travellers, small.
describe.runIf(ready)('web × 2 and a worker on Redis and PostgreSQL, with web-chat travellers, under faults', () => {
  afterAll(abandonFaultRuns); // a run cut short by the timeout still stops its processes and deletes its keys and schema
  it('loses no message and repeats no reply through SIGKILLs of web and worker and a PostgreSQL outage', async () => {
    const logDir = await mkdtemp(join(tmpdir(), 'tripcare-topology-'));
    const report = await runFaults({
      conversations: 10, concurrency: 5, turns: [3, 4], kills: 5, killGapMs: 2_000,
      outages: { postgresMs: 3_000, redisMs: 0, concurrency: 4 }, poison: null, sigterm: false,
      logDir, seed: 20_261_203, progress: () => undefined,
    });
    const summary = `${formatReport(report)}\n(process logs in ${logDir})`;
    const { storm, outages } = report;
    expect(storm!.kills, summary).toBeGreaterThanOrEqual(5);
    expect(storm!.accepted, summary).toBeGreaterThanOrEqual(30);
    expect({ lost: storm!.lost, duplicates: storm!.duplicates, missingEchoes: storm!.missingEchoes, duplicateEchoes: storm!.duplicateEchoes }, summary)
      .toEqual({ lost: 0, duplicates: 0, missingEchoes: 0, duplicateEchoes: 0 });
    const [postgres] = outages!.outages;
    expect(postgres!.outstanding, summary).toBeGreaterThan(0);
    expect(postgres!.lateOrNever, summary).toBe(0);
    expect({ lost: outages!.lost, duplicates: outages!.duplicates }, summary).toEqual({ lost: 0, duplicates: 0 });
    process.stderr.write(`  ${storm!.accepted} messages through ${storm!.kills} SIGKILLs, ${outages!.accepted} through a ${(postgres!.downMs / 1000).toFixed(0)} s PostgreSQL outage: 0 lost, 0 duplicated, in ${(report.ms / 1000).toFixed(0)} s\n`);
    await rm(logDir, { recursive: true, force: true });
  }, 240_000);
});
