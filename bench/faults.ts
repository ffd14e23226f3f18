/**
 * `npm run bench:faults`: the full fault run (the short one is test/fault/topology-faults.test.ts).
 * Two `tripcare web` and one `tripcare worker` on Redis and PostgreSQL, each reached through a
 * proxy that can cut it, with web-chat travellers speaking Direct Line over HTTP:
 *   1. kill storm: 200 conversations while 100 SIGKILLs hit the processes (each restarted at once);
 *   2. outages: PostgreSQL cut 30 s, later Redis cut 30 s, under load, no restart;
 *   3. a poison message, and the conversations after it;
 *   4. SIGTERM when idle, with Redis down, with PostgreSQL down, with a console event stream held, with jobs running.
 * FAULT_SCALE (default 1) scales conversations, kills and outages (0.1 for a quick try); FAULT_SEED
 * repeats the texts and the choice of victims. Prints the figures, writes bench/out/faults.json and
 * each process's log under bench/out/faults-logs/, and exits 1 when anything was lost, duplicated or slow.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { abandonFaultRuns, formatReport, runFaults, scaledOptions } from '../test/support/fault-run.ts';
import { postgresReachable, redisReachable } from '../test/support/services.ts';

const scale = Number(process.env.FAULT_SCALE ?? 1);
if (!(scale > 0)) throw new Error(`FAULT_SCALE must be a positive number, not ${process.env.FAULT_SCALE}`);
if (!(await redisReachable()) || !(await postgresReachable())) process.exit(1);

const logDir = fileURLToPath(new URL('./out/faults-logs/', import.meta.url));
await rm(logDir, { recursive: true, force: true });
const options = scaledOptions(scale, logDir, (line) => process.stdout.write(`${line}\n`));
if (process.env.FAULT_SEED) options.seed = Number(process.env.FAULT_SEED);
process.stdout.write(`fault run, FAULT_SCALE=${scale}, seed ${options.seed}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stdout.write(`\n${signal}: stopping the processes and deleting the run's Redis keys and schema\n`);
    void abandonFaultRuns().finally(() => process.exit(130));
  });
}
const report = await runFaults(options);
process.stdout.write(`\n${formatReport(report)}\n`);
await mkdir(new URL('./out/', import.meta.url), { recursive: true });
await writeFile(new URL('./out/faults.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write('\nwrote bench/out/faults.json\n');
process.exit(report.findings.length === 0 ? 0 : 1);
