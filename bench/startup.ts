/**
 * How fast tripcare starts, as an operator meets it: each figure the median of 3 runs of a
 * fresh child process (`node src/cli/main.ts …`), after one run that is not counted.
 *
 * - `tripcare --help`: wall time to exit.
 * - `classify`: from spawning to the first output line, for one input line.
 * - `start` to /healthz 200, warm: a DATA_DIR that has run before, node's compile cache filled.
 * - `start` to /healthz 200, cold: a fresh DATA_DIR (PGlite creates its database) and an empty
 *   compile cache (NODE_COMPILE_CACHE pointed at a new directory). The OS page cache cannot be
 *   dropped here (it needs root and would slow everyone else on the machine), so the files of
 *   node_modules are likely still in memory: this is "first run after install", not "first run
 *   after boot".
 * - RSS of `start` (warm), read from /proc/<pid>/status VmRSS 10 s after /healthz answered: what
 *   the process holds once idle. Read at 1 s it is 300-400 MB more, garbage of start-up (the model's
 *   JSON, PGlite's start) that V8 returns to the system after a few seconds of idleness.
 *
 * `start` runs on the embedded default (memory and PGlite, no REDIS_URL or DATABASE_URL), as
 * `npm start` does; children get only PATH and HOME from this environment.
 *
 * `npm run bench:startup`, or the end of `npm run bench`.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { median, round } from './stats.ts';

const mainScript = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const runs = 3;
/** A child that has not got there by then counts as failed (Infinity). */
const giveUpMs = 60_000;

export interface StartupFigure {
  name: string;
  /** Median of the runs: ms, or MB for RSS. */
  value: number;
  unit: 'ms' | 'MB';
  target: number;
  pass: boolean;
}

/**
 * As `npm start` runs it: 8 MB semi-spaces (see the Dockerfile), and PGlite's WebAssembly compiled
 * by the baseline compiler only, 55 MB less code for no loss of turns/s measured (bench/engine-child.ts).
 */
function tripcare(args: string[], env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--max-semi-space-size=8', '--liftoff-only', mainScript, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env },
  });
}

const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('close', resolve)));

async function stop(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const ended = await Promise.race([exited(child).then(() => true), sleep(15_000).then(() => false)]);
  if (!ended) {
    child.kill('SIGKILL');
    await exited(child);
  }
}

/** `tripcare --help` to its exit; Infinity unless it exits 0. */
async function helpMs(env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const child = tripcare(['--help'], env);
  child.stdout.resume();
  child.stderr.resume();
  const code = await Promise.race([exited(child), sleep(giveUpMs).then(() => 'late' as const)]);
  if (code === 'late') await stop(child);
  return code === 0 ? performance.now() - started : Infinity;
}

/** `tripcare classify` with one line on stdin, to its first line out. */
async function classifyMs(env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const child = tripcare(['classify'], env);
  child.stderr.resume();
  const firstLine = new Promise<number>((resolve) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(performance.now() - started);
    });
    void exited(child).then(() => resolve(Infinity));
  });
  child.stdin.end('{"id": 1, "text": "The hotel room was filthy and there was no hot water"}\n');
  const ms = await Promise.race([firstLine, sleep(giveUpMs).then(() => Infinity)]);
  await stop(child);
  return ms;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function vmRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return kb / 1024;
}

/** `tripcare start` in `dataDir` until /healthz answers 200; then, with `settleMs`, its RSS that long after. */
async function startMs(dataDir: string, env: Record<string, string>, settleMs?: number): Promise<{ ms: number; rssMb: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = tripcare(['start'], { ...env, PORT: String(port), DATA_DIR: dataDir });
  child.stdout.resume();
  child.stderr.resume();
  let gone = false;
  void exited(child).then(() => (gone = true));
  let ms = Infinity;
  while (!gone && performance.now() - started < giveUpMs) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false);
    if (ok) {
      ms = performance.now() - started;
      break;
    }
    await sleep(20);
  }
  let rssMb = Infinity;
  if (settleMs !== undefined && Number.isFinite(ms) && child.pid !== undefined) {
    await sleep(settleMs);
    rssMb = await vmRssMb(child.pid).catch(() => Infinity);
  }
  await stop(child);
  return { ms, rssMb };
}

async function medianOf(measure: () => Promise<number>): Promise<number> {
  await measure(); // not counted: fills caches
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await measure());
  return median(values);
}

/** Measures the start-up figures, prints them as a table on `output`, and returns them. */
export async function benchStartup(output: NodeJS.WritableStream = process.stdout): Promise<StartupFigure[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'tripcare-startup-'));
  try {
    const warmCache = { NODE_COMPILE_CACHE: join(scratch, 'compile-cache') };
    const help = await medianOf(() => helpMs(warmCache));
    const classify = await medianOf(() => classifyMs(warmCache));

    const warmDir = join(scratch, 'warm');
    const rss: number[] = [];
    const warm = await medianOf(async () => {
      const { ms, rssMb } = await startMs(warmDir, warmCache, 10_000);
      rss.push(rssMb);
      return ms;
    });
    let n = 0;
    const cold = await medianOf(async () => {
      n++;
      return (await startMs(join(scratch, `cold-${n}`), { NODE_COMPILE_CACHE: join(scratch, `cold-cache-${n}`) })).ms;
    });

    const figure = (name: string, value: number, unit: 'ms' | 'MB', target: number): StartupFigure => ({ name, value: round(value, 0), unit, target, pass: value < target });
    const figures = [
      figure('tripcare --help', help, 'ms', 1_000),
      figure('classify, first line', classify, 'ms', 1_500),
      figure('start to /healthz, warm', warm, 'ms', 3_000),
      figure('start to /healthz, cold', cold, 'ms', 8_000),
      figure('start RSS', median(rss.slice(1)), 'MB', 300),
    ];
    printTable(figures, output);
    return figures;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function printTable(figures: StartupFigure[], output: NodeJS.WritableStream): void {
  const header = ['start-up', 'median', 'target', ''];
  const rows = figures.map((f) => [f.name, `${f.value} ${f.unit}`, `< ${f.target} ${f.unit}`, f.pass ? 'pass' : 'FAIL']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  output.write(`tripcare start-up, child processes, median of ${runs} runs (embedded default)\n`);
  output.write(`${line(header)}\n${rows.map(line).join('\n')}\n`);
}

if (import.meta.main) {
  const figures = await benchStartup();
  process.exitCode = figures.every((f) => f.pass) ? 0 : 1;
}
