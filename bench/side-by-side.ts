/**
 * tripcare beside what a botbuilder user would build instead (bench/peer/), each run in a fresh
 * child process per system and level, the systems interleaved (A B C D E, A B C D E, …) so a
 * slow spell on this shared machine falls on all of them; per system and level the median of the
 * repeats. Children: bench/engine-child.ts (tripcare) and bench/peer/child.js (botbuilder).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { levelAt } from './complaint.ts';
import type { ChildResult } from './drive.ts';
import { median, round } from './stats.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const peerDir = here('./peer/');

interface SystemSpec {
  name: string;
  child: string;
  variant: string;
  redis: boolean;
  sql: boolean;
}

/** In the order they take turns. */
export const systems: SystemSpec[] = [
  { name: 'tripcare-production', child: here('./engine-child.ts'), variant: 'production', redis: true, sql: true },
  { name: 'botbuilder-redis', child: here('./peer/child.js'), variant: 'redis', redis: true, sql: false },
  { name: 'tripcare-embedded', child: here('./engine-child.ts'), variant: 'embedded', redis: false, sql: true },
  { name: 'botbuilder-memory', child: here('./peer/child.js'), variant: 'memory', redis: false, sql: false },
  { name: 'tripcare-memory', child: here('./engine-child.ts'), variant: 'memory', redis: false, sql: false },
];

/** Numerator ÷ denominator: each tripcare wiring against the botbuilder build on like storage. */
export const pairs: [string, string][] = [
  ['tripcare-production', 'botbuilder-redis'],
  ['tripcare-embedded', 'botbuilder-memory'],
  ['tripcare-memory', 'botbuilder-memory'],
];

/** One system at one level: medians of its repeats. */
export interface SystemRun {
  system: string;
  concurrency: number;
  conversations: number;
  turns: number;
  repeats: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  p99MsWorstRun: number;
  /** The p50 of each turn of the script (median of the repeats). */
  p50MsByTurn: number[];
  cpuMsPerTurn: number;
  /** Redis commands, and round trips (a pipeline is one), per turn: Redis systems only. */
  redisCommandsPerTurn?: number;
  redisRoundTripsPerTurn?: number;
  /** Redis MEMORY USAGE of one conversation's state. */
  bytesPerConversation?: number;
  /** SQL statements the stores sent per turn, and transactions (each adds BEGIN and COMMIT): tripcare on SQL only. */
  sqlStatementsPerTurn?: number;
  sqlTransactionsPerTurn?: number;
  /** Replies to each turn of the warm-up complaint: the same for every system (`sideBySide` checks). */
  repliesPerTurn: number[];
  /** Each repeat's figures, in the order run. */
  samples: Pick<ChildResult, 'turnsPerSecond' | 'p50Ms' | 'p99Ms' | 'cpuMsPerTurn'>[];
}

export interface Ratio {
  pair: string;
  concurrency: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerTurn: number;
}

/** Installs the peer's own dependencies (`npm ci --prefix bench/peer`) unless they are there. */
export function ensurePeer(): void {
  if (existsSync(`${peerDir}node_modules`)) return;
  execFileSync('npm', ['ci', '--prefix', peerDir, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

/** A child gone this long has hung. */
const childTimeoutMs = 15 * 60_000;

function runChild(system: SystemSpec, concurrency: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [system.child, system.variant, String(concurrency)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), childTimeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`${system.name} at ${concurrency}: exited ${code ?? signal}`));
      else resolve(JSON.parse(last) as ChildResult);
    });
  });
}

/**
 * Every system at every level, `repeats` times, interleaved; `progress` hears each run. Fails if a
 * system answers any turn with another number of replies than the others do.
 */
export async function sideBySide(concurrencies: number[], repeats: number, progress: (line: string) => void): Promise<SystemRun[]> {
  const runs: SystemRun[] = [];
  for (const concurrency of concurrencies) {
    const results = new Map<string, ChildResult[]>(systems.map((s) => [s.name, []]));
    for (let r = 0; r < repeats; r++) {
      for (const system of systems) {
        const result = await runChild(system, concurrency);
        results.get(system.name)?.push(result);
        progress(`${system.name} at ${concurrency}, run ${r + 1}/${repeats}: ${round(result.turnsPerSecond)} turns/s, p50 ${round(result.p50Ms)} ms, p99 ${round(result.p99Ms)} ms, ${round(result.cpuMsPerTurn)} CPU ms/turn`);
      }
    }
    const shapes = new Set([...results.values()].flat().map((r) => r.repliesPerTurn.join(',')));
    if (shapes.size > 1) throw new Error(`the systems answered with different numbers of replies per turn: ${[...shapes].join(' vs ')}`);
    for (const system of systems) runs.push(summary(system, concurrency, results.get(system.name) ?? []));
  }
  return runs;
}

function summary(system: SystemSpec, concurrency: number, results: ChildResult[]): SystemRun {
  const m = (pick: (r: ChildResult) => number | undefined, digits = 2) => round(median(results.map((r) => pick(r) ?? Number.NaN)), digits);
  return {
    system: system.name, concurrency, conversations: levelAt(concurrency).conversations, turns: results[0]?.turns ?? 0, repeats: results.length,
    turnsPerSecond: m((r) => r.turnsPerSecond), p50Ms: m((r) => r.p50Ms), p99Ms: m((r) => r.p99Ms),
    p99MsWorstRun: round(Math.max(...results.map((r) => r.p99Ms))),
    p50MsByTurn: (results[0]?.p50MsByTurn ?? []).map((_, n) => m((r) => r.p50MsByTurn[n])),
    cpuMsPerTurn: m((r) => r.cpuMsPerTurn, 3),
    ...(system.redis ? {
      redisCommandsPerTurn: m((r) => r.perTurn.redisCommands), redisRoundTripsPerTurn: m((r) => r.perTurn.redisRoundTrips),
      bytesPerConversation: Math.round(m((r) => r.bytesPerConversation)),
    } : {}),
    ...(system.sql ? { sqlStatementsPerTurn: m((r) => r.perTurn.sqlStatements), sqlTransactionsPerTurn: m((r) => r.perTurn.sqlTransactions) } : {}),
    repliesPerTurn: results[0]?.repliesPerTurn ?? [],
    samples: results.map(({ turnsPerSecond, p50Ms, p99Ms, cpuMsPerTurn }) => ({ turnsPerSecond: round(turnsPerSecond), p50Ms: round(p50Ms), p99Ms: round(p99Ms), cpuMsPerTurn: round(cpuMsPerTurn, 3) })),
  };
}

export function ratios(runs: SystemRun[]): Ratio[] {
  const concurrencies = [...new Set(runs.map((r) => r.concurrency))];
  return concurrencies.flatMap((concurrency) => pairs.flatMap(([a, b]) => {
    const x = runs.find((r) => r.system === a && r.concurrency === concurrency);
    const y = runs.find((r) => r.system === b && r.concurrency === concurrency);
    if (!x || !y) return [];
    const q = (k: 'turnsPerSecond' | 'p50Ms' | 'p99Ms' | 'cpuMsPerTurn') => round(x[k] / y[k]);
    return [{ pair: `${a} ÷ ${b}`, concurrency, turnsPerSecond: q('turnsPerSecond'), p50Ms: q('p50Ms'), p99Ms: q('p99Ms'), cpuMsPerTurn: q('cpuMsPerTurn') }];
  }));
}

/** The runs and ratios as two text tables. */
export function sideBySideTables(runs: SystemRun[], rs: Ratio[]): string {
  const opt = (n: number | undefined) => (n === undefined ? '–' : String(n));
  const runTable = table(
    ['system', 'at once', 'turns/s', 'p50 ms', 'p99 ms', 'CPU ms/turn', 'Redis cmds/turn', 'Redis trips/turn', 'SQL stmts/turn', 'SQL tx/turn', 'Redis B/conv'],
    runs.map((r) => [r.system, String(r.concurrency), String(r.turnsPerSecond), String(r.p50Ms), String(r.p99Ms), String(r.cpuMsPerTurn),
      opt(r.redisCommandsPerTurn), opt(r.redisRoundTripsPerTurn), opt(r.sqlStatementsPerTurn), opt(r.sqlTransactionsPerTurn), opt(r.bytesPerConversation)]),
  );
  const ratioTable = table(
    ['ratio', 'at once', 'turns/s', 'p50 ms', 'p99 ms', 'CPU ms/turn'],
    rs.map((r) => [r.pair, String(r.concurrency), String(r.turnsPerSecond), String(r.p50Ms), String(r.p99Ms), String(r.cpuMsPerTurn)]),
  );
  const atOne = runs.filter((r) => r.concurrency === 1);
  const turnTable = table(
    ['p50 ms by turn, 1 at once', ...(atOne[0]?.p50MsByTurn ?? []).map((_, n) => String(n + 1))],
    atOne.map((r) => [r.system, ...r.p50MsByTurn.map(String)]),
  );
  return `${runTable}\n\n${ratioTable}${atOne.length ? `\n\n${turnTable}` : ''}`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
