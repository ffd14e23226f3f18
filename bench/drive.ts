/**
 * The load driver of one bench child process, the same for every system: tripcare on any wiring
 * (bench/engine-child.ts) and the botbuilder peer (bench/peer/child.js). `concurrency`
 * conversations talk at once, each saying the level's script turn by turn; per turn the time until
 * the system has answered it. Then turns per second, p50 and p99, the process's CPU per turn, and
 * what the counters (bench/counters.ts) saw per turn.
 */
import { complaint } from './complaint.ts';
import type { Level, Turn } from './complaint.ts';
import { counts } from './counters.ts';
import type { Counts } from './counters.ts';
import { percentile } from './stats.ts';

/** One system, as the driver sees it. */
export interface Driven {
  /** Says `turn` as the `n`th message of `conversation`; resolves once every reply to it is sent. */
  say(conversation: string, n: number, turn: Turn): Promise<void>;
  /** Replies sent so far. */
  replies(): number;
}

/** What a child process reports, as one JSON line on stdout. */
export interface ChildResult {
  concurrency: number;
  conversations: number;
  turns: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The p50 of each turn of the script: where in the complaint the time goes. */
  p50MsByTurn: number[];
  /** User and system CPU of the whole child process while the turns ran, per turn. */
  cpuMsPerTurn: number;
  /** Replies to each turn of the first warm-up complaint. */
  repliesPerTurn: number[];
  /** What the counters saw while the turns ran, per turn. */
  perTurn: Counts;
  /** Redis MEMORY USAGE of a conversation's state, where it is kept in Redis. */
  bytesPerConversation?: number;
}

/** Before measuring: whole complaints one after another, so neither system is timed while its code is still cold. */
const warmUps = 10;

export async function drive(system: Driven, { concurrency, conversations, script }: Level): Promise<ChildResult> {
  const repliesPerTurn: number[] = [];
  for (let w = 0; w < warmUps; w++) {
    for (const [n, turn] of complaint.entries()) {
      const before = system.replies();
      await system.say(`warm-up-${w}`, n, turn);
      if (w === 0) repliesPerTurn.push(system.replies() - before);
    }
  }

  const latencies: number[] = [];
  const byTurn: number[][] = script.map(() => []);
  const countsBefore = { ...counts };
  const cpuBefore = process.cpuUsage();
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let c = next++; c < conversations; c = next++) {
      for (const [n, turn] of script.entries()) {
        const t0 = performance.now();
        await system.say(`c${c}`, n, turn);
        const ms = performance.now() - t0;
        latencies.push(ms);
        byTurn[n]?.push(ms);
      }
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const turns = latencies.length;
  latencies.sort((a, b) => a - b);
  const perTurn = (k: keyof Counts) => (counts[k] - countsBefore[k]) / turns;
  return {
    concurrency, conversations, turns,
    turnsPerSecond: turns / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    p50MsByTurn: byTurn.map((ms) => percentile(ms.sort((a, b) => a - b), 50)),
    cpuMsPerTurn: (cpu.user + cpu.system) / 1000 / turns,
    repliesPerTurn,
    perTurn: { redisCommands: perTurn('redisCommands'), redisRoundTrips: perTurn('redisRoundTrips'), sqlStatements: perTurn('sqlStatements'), sqlTransactions: perTurn('sqlTransactions') },
  };
}

/** A child's arguments: `<variant> <concurrency>`. */
export function childArgs<V extends string>(variants: readonly V[]): { variant: V; concurrency: number } {
  const [variant, concurrency] = process.argv.slice(2);
  const known = variants.find((v) => v === variant);
  if (known === undefined || !concurrency) throw new Error(`usage: <${variants.join('|')}> <concurrency>`);
  return { variant: known, concurrency: Number(concurrency) };
}

/** The child's one line of output, which the parent (bench/side-by-side.ts) reads. */
export function report(result: ChildResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
