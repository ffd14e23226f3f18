/**
 * `npm run bench`, with the offline understanding:
 * 1. understanding alone, on one core (bench/understanding.ts);
 * 2. side by side (bench/side-by-side.ts), each in fresh child processes, interleaved, the median
 *    of BENCH_REPEATS (3) runs: tripcare on Redis + PostgreSQL, embedded (PGlite) and all in
 *    memory, and what a botbuilder user would build instead (bench/peer/) on Redis and in memory;
 *    at BENCH_LEVELS conversations at once (default 1,100; 10000 runs the listening part only).
 *    Per system and level: turns per second, per-turn p50 and p99, CPU per turn, Redis commands
 *    and SQL statements per turn, Redis bytes per conversation; and the ratios of tripcare to botbuilder;
 * 3. on Redis + PostgreSQL: handoff latency (a traveller's request until a worker picks the job
 *    up) and the staff desk (bench/desk.ts).
 * Prints tables and writes bench/out/latest.json, with the machine's load (`uptime`) before and
 * after. Services: REDIS_URL and DATABASE_URL, default the local ones; everything written is removed after.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { benchDesk } from './desk.ts';
import type { DeskBench } from './desk.ts';
import { ensurePeer, ratios, sideBySide, sideBySideTables } from './side-by-side.ts';
import { median, percentile, round } from './stats.ts';
import { benchStartup } from './startup.ts';
import { message, openTripcare } from './tripcare.ts';
import { benchUnderstanding } from './understanding.ts';

const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const concurrencies = (process.env.BENCH_LEVELS ?? '1,100').split(',').map(Number);
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
const say = (line: string) => process.stdout.write(`${line}\n`);

/** From "I want a person" to a worker holding the handoff job, for `count` travellers one after another. */
async function handoffLatencies(count: number): Promise<number[]> {
  const tripcare = await openTripcare('production', 'handoff');
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let picked: () => void = () => undefined;
  tripcare.app.parts.jobs.process('handoff', async (job) => {
    latencies.push(performance.now() - (sentAt.get(String(job.data.conversationKey)) ?? Number.NaN));
    picked();
  });
  for (let i = 0; i < count; i++) {
    const conversation = `h${i}`;
    const pickedUp = new Promise<void>((resolve) => (picked = resolve));
    sentAt.set(`webchat:${conversation}`, performance.now());
    await tripcare.app.engine.receive(message(conversation, 0, { text: 'I want to talk to a real person' }));
    await pickedUp;
  }
  await tripcare.close();
  return latencies;
}

const load = uptime();
say(`load before: ${load}`);

// First, while nothing else runs: understanding alone, on one core.
const understanding = benchUnderstanding();

ensurePeer();
const runs = await sideBySide(concurrencies, repeats, (line) => say(`  ${line}`));
const runRatios = ratios(runs);

const handoffs = (await handoffLatencies(200)).sort((a, b) => a - b);
const handoff = { handoffP50Ms: round(percentile(handoffs, 50)), handoffP99Ms: round(percentile(handoffs, 99)), handoffs: handoffs.length };

const deskRuns: DeskBench[] = [];
for (let r = 0; r < repeats; r++) {
  const tripcare = await openTripcare('production', `desk${r}`);
  deskRuns.push(await benchDesk(tripcare, message, 100));
  await tripcare.close();
}
const desk = Object.fromEntries(Object.keys(deskRuns[0] ?? {}).map((k) => [k, round(median(deskRuns.map((d) => d[k as keyof DeskBench])))]));
const loadAfter = uptime();

say(`\ntripcare beside botbuilder, offline understanding, fresh process per run, median of ${repeats} runs per system and level`);
say(`replies per turn, every system: ${runs[0]?.repliesPerTurn.join(' ') ?? '–'}`);
say(sideBySideTables(runs, runRatios));
say(`\nhandoff on Redis + PostgreSQL, ${handoff.handoffs} travellers: p50 ${handoff.handoffP50Ms} ms, p99 ${handoff.handoffP99Ms} ms`);
say(`staff desk, median of ${repeats} runs: ${Object.entries(desk).map(([k, v]) => `${k} ${v}`).join(', ')}`);
say(`understanding, one core: ${Object.entries(understanding).map(([k, v]) => `${k} ${v}`).join(', ')}`);
say(`load before: ${load}\nload after:  ${loadAfter}`);
await mkdir(new URL('./out/', import.meta.url), { recursive: true });
await writeFile(new URL('./out/latest.json', import.meta.url), `${JSON.stringify({
  at: new Date().toISOString(), load, loadAfter, repeats, runs, ratios: runRatios, handoff, desk, understanding,
}, null, 2)}\n`);

// Last: how fast tripcare starts (bench/startup.ts, also `npm run bench:startup`).
say('');
await benchStartup();
process.exit(0);
