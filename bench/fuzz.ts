/**
 * `npm run bench:fuzz`: the long fuzz of every public route (the short one is in `npm test`):
 * FUZZ_REQUESTS (default 20,000) malformed, hostile, huge, deep, mistyped and misencoded
 * requests against the embedded app on a real port. Prints the figures and each 5xx, writes
 * bench/out/fuzz.json, and exits 1 on any 5xx or hung request. FUZZ_SEED repeats a run.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { runFuzz } from '../test/support/fuzz-run.ts';
import { FuzzTarget } from '../test/support/fuzz-target.ts';

const requests = Number(process.env.FUZZ_REQUESTS ?? 20_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000_000);

const target = await FuzzTarget.start('error');
const outcome = await runFuzz(target, { requests, seed });
await target.close();

const serverErrors = outcome.serverErrors.length;
process.stdout.write(`fuzz of every public route, seed ${seed}: ${outcome.requests} requests in ${(outcome.ms / 1000).toFixed(1)} s, ${serverErrors} 5xx, ${outcome.failures.length} hung or unanswered\n`);
process.stdout.write(`statuses: ${Object.entries(outcome.statuses).map(([status, n]) => `${status} ${n}`).join(', ')}\n`);
for (const line of [...outcome.serverErrors, ...outcome.failures]) process.stdout.write(`${line}\n`);
await mkdir(new URL('./out/', import.meta.url), { recursive: true });
await writeFile(new URL('./out/fuzz.json', import.meta.url), `${JSON.stringify({ at: new Date().toISOString(), seed, ...outcome }, null, 2)}\n`);
process.exit(serverErrors + outcome.failures.length === 0 ? 0 : 1);
