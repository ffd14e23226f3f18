/**
 * `npm run bench`: the engine on the Redis + PostgreSQL wiring with the offline
 * understanding. Per concurrency level (conversations talking at once): turns
 * per second and per-turn latency; then handoff latency (a traveller's request
 * until a worker picks the job up), Redis bytes per conversation, and the staff desk (bench/desk.ts).
 * Prints a table and writes bench/out/latest.json. Services: REDIS_URL and
 * DATABASE_URL, default the local ones; everything it writes is removed after.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { Redis } from 'ioredis';
import { createApp } from '../src/app.ts';
import { SystemClock } from '../src/clock/system-clock.ts';
import { loadConfig } from '../src/config.ts';
import type { InboundMessage } from '../src/conversation/messages.ts';
import { createLogger } from '../src/log.ts';
import { loadPolicy } from '../src/policy/policy-file.ts';
import { openParts } from '../src/wiring.ts';
import { benchDesk } from './desk.ts';
import { benchUnderstanding } from './understanding.ts';
import type { DeskBench } from './desk.ts';
import { median, percentile, round } from './stats.ts';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const run = `${process.pid}`;

/** A whole complaint, from telling to report: 9 turns, with case, ledger and job writes. */
const complaint: Pick<InboundMessage, 'text' | 'choice'>[] = [
  { text: 'The hotel room was filthy and there was no hot water at all!' }, { text: 'GZ-2611-A' }, { text: 'yesterday' },
  { text: '2' }, { text: '', choice: 'wants:compensation' }, { text: '', choice: 'confirm' }, { text: '300' },
  { text: '', choice: 'offer:accept' }, { text: '', choice: 'satisfied' },
];
/**
 * `concurrency` conversations talk at once, `conversations` in all. At 10,000 at once,
 * the listening part of the complaint (4 turns), to keep a run within minutes.
 */
const levels = [
  { concurrency: 1, conversations: 100, script: complaint },
  { concurrency: 100, conversations: 500, script: complaint },
  { concurrency: 10_000, conversations: 10_000, script: complaint.slice(0, 4) },
];

async function openBench(tag: string) {
  const config = loadConfig({
    REDIS_URL: redisUrl, DATABASE_URL: databaseUrl, BURST_WINDOW_MS: '0', LOG_LEVEL: 'error',
    REDIS_PREFIX: `tripcare-bench-${run}-${tag}`, DATABASE_SCHEMA: `tripcare_bench_${run}_${tag}`,
  });
  const clock = new SystemClock();
  const log = createLogger('error');
  const { parts } = await openParts(config, clock, log);
  const app = createApp({ config, parts, policy: await loadPolicy(), clock, log });
  let sent = 0;
  app.router.register('webchat', { send: async () => void sent++ });
  return { app, config, replies: () => sent };
}

const message = (conversation: string, n: number, turn: Pick<InboundMessage, 'text' | 'choice'>): InboundMessage => ({
  channel: 'webchat', conversationId: conversation, senderId: conversation, senderRole: 'traveller',
  messageId: `${conversation}-${n}`, attachments: [], receivedAt: new Date(), ...turn,
});

interface LevelRun {
  turnsPerSecond: number;
  turnP50Ms: number;
  turnP99Ms: number;
  bytesPerConversation: number;
}

async function runLevel({ concurrency, conversations, script }: (typeof levels)[number], tag: string): Promise<LevelRun> {
  const { app, config } = await openBench(tag);
  for (const [n, turn] of complaint.entries()) await app.engine.receive(message('warm-up', n, turn));
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let c = next++; c < conversations; c = next++) {
      for (const [n, turn] of script.entries()) {
        const t0 = performance.now();
        await app.engine.receive(message(`c${c}`, n, turn));
        latencies.push(performance.now() - t0);
      }
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const bytes = await bytesPerConversation(config.REDIS_PREFIX);
  await app.close();
  await cleanUp(config.REDIS_PREFIX, config.DATABASE_SCHEMA);
  latencies.sort((a, b) => a - b);
  return { turnsPerSecond: latencies.length / seconds, turnP50Ms: percentile(latencies, 50), turnP99Ms: percentile(latencies, 99), bytesPerConversation: bytes };
}

/** From "I want a person" to a worker holding the handoff job, for `count` travellers one after another. */
async function handoffLatencies(count: number): Promise<number[]> {
  const { app, config } = await openBench('handoff');
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let picked: () => void = () => undefined;
  app.parts.jobs.process('handoff', async (job) => {
    latencies.push(performance.now() - (sentAt.get(String(job.data.conversationKey)) ?? Number.NaN));
    picked();
  });
  for (let i = 0; i < count; i++) {
    const conversation = `h${i}`;
    const pickedUp = new Promise<void>((resolve) => (picked = resolve));
    sentAt.set(`webchat:${conversation}`, performance.now());
    await app.engine.receive(message(conversation, 0, { text: 'I want to talk to a real person' }));
    await pickedUp;
  }
  await app.close();
  await cleanUp(config.REDIS_PREFIX, config.DATABASE_SCHEMA);
  return latencies;
}

async function bytesPerConversation(prefix: string): Promise<number> {
  const redis = new Redis(redisUrl);
  const keys: string[] = [];
  for await (const batch of redis.scanStream({ match: `${prefix}:conversation:*`, count: 1000 }) as AsyncIterable<string[]>) {
    keys.push(...batch);
    if (keys.length >= 500) break;
  }
  const sizes = await Promise.all(keys.slice(0, 500).map((k) => redis.call('MEMORY', 'USAGE', k) as Promise<number>));
  await redis.quit();
  return sizes.length ? sizes.reduce((a, b) => a + b, 0) / sizes.length : 0;
}

async function cleanUp(prefix: string, schema: string | undefined): Promise<void> {
  const redis = new Redis(redisUrl);
  for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 }) as AsyncIterable<string[]>) {
    if (keys.length) await redis.unlink(...keys);
  }
  await redis.quit();
  if (!schema) return;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

// First, while nothing else runs: understanding alone, on one core.
const understanding = benchUnderstanding();

const results: Record<string, unknown>[] = [];
for (const level of levels) {
  const runs: LevelRun[] = [];
  for (let r = 0; r < repeats; r++) runs.push(await runLevel(level, `c${level.concurrency}r${r}`));
  const pick = (f: keyof LevelRun) => round(median(runs.map((x) => x[f])));
  results.push({
    concurrency: level.concurrency, conversations: level.conversations, turnsPerConversation: level.script.length, repeats,
    turnsPerSecond: pick('turnsPerSecond'), turnP50Ms: pick('turnP50Ms'), turnP99Ms: pick('turnP99Ms'),
    turnP99MsWorstRun: round(Math.max(...runs.map((x) => x.turnP99Ms))),
    bytesPerConversation: Math.round(median(runs.map((x) => x.bytesPerConversation))),
  });
}
const handoffs = (await handoffLatencies(200)).sort((a, b) => a - b);
const handoff = { handoffP50Ms: round(percentile(handoffs, 50)), handoffP99Ms: round(percentile(handoffs, 99)), handoffs: handoffs.length };
for (const level of results) Object.assign(level, handoff);

const deskRuns: DeskBench[] = [];
for (let r = 0; r < repeats; r++) {
  const bench = await openBench(`desk${r}`);
  deskRuns.push(await benchDesk(bench, message, 100));
  await bench.app.close();
  await cleanUp(bench.config.REDIS_PREFIX, bench.config.DATABASE_SCHEMA);
}
const desk = Object.fromEntries(Object.keys(deskRuns[0] ?? {}).map((k) => [k, round(median(deskRuns.map((d) => d[k as keyof DeskBench])))]));

const header = ['at once', 'turns/s', 'turn p50 ms', 'turn p99 ms', 'worst p99 ms', 'handoff p50 ms', 'handoff p99 ms', 'Redis B/conv'];
const rows = results.map((l) => [l.concurrency, l.turnsPerSecond, l.turnP50Ms, l.turnP99Ms, l.turnP99MsWorstRun, l.handoffP50Ms, l.handoffP99Ms, l.bytesPerConversation].map(String));
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
process.stdout.write(`tripcare engine, Redis + PostgreSQL, offline understanding — median of ${repeats} runs per level\n`);
process.stdout.write(`${line(header)}\n${rows.map(line).join('\n')}\n`);
process.stdout.write(`staff desk, median of ${repeats} runs: ${Object.entries(desk).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
process.stdout.write(`understanding, one core: ${Object.entries(understanding).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
await mkdir(new URL('./out/', import.meta.url), { recursive: true });
await writeFile(new URL('./out/latest.json', import.meta.url), `${JSON.stringify({ at: new Date().toISOString(), levels: results, desk, understanding }, null, 2)}\n`);
process.exit(0);
