/**
 * The staff desk on the production wiring: how long from a traveller's "I want a person" until
 * every console hears the new ticket (engine → BullMQ → intake worker → PostgreSQL → Redis
 * pub/sub), how long 20 staff racing to claim one ticket take to settle on PostgreSQL, and
 * how long reading the whole queue takes. Run by bench/run.ts.
 */
import type { App } from '../src/app.ts';
import type { Config } from '../src/config.ts';
import { relayToConsoles, workDeskIntake } from '../src/desk/intake.ts';
import { loadTeams } from '../src/desk/teams.ts';
import { SystemClock } from '../src/clock/system-clock.ts';
import { createLogger } from '../src/log.ts';
import type { InboundMessage } from '../src/conversation/messages.ts';
import { loadPolicy } from '../src/policy/policy-file.ts';
import { percentile, round } from './stats.ts';

export interface DeskBench {
  tickets: number;
  /** Traveller's request until a console hears `opened`. */
  toConsoleP50Ms: number;
  toConsoleP99Ms: number;
  /** 20 claims at once on one ticket, until all are answered; exactly one wins each time. */
  claimRaceP50Ms: number;
  claimRaceP99Ms: number;
  /** The whole open queue, read once. */
  queueReadP50Ms: number;
  queueReadP99Ms: number;
}

const racers = 20;

export async function benchDesk(opened: { app: App; config: Config }, message: (conversation: string, n: number, turn: Pick<InboundMessage, 'text'>) => InboundMessage, count: number): Promise<DeskBench> {
  const { app } = opened;
  const { parts } = app;
  const clock = new SystemClock();
  const log = createLogger('error');
  workDeskIntake({ ...parts, teams: await loadTeams(), policy: await loadPolicy(), clock, log });
  relayToConsoles(app.engine, parts.feed, log);

  let heard: (caseId: string) => void = () => undefined;
  const unsubscribe = await parts.feed.subscribe((event) => {
    if (event.kind === 'ticket' && event.change === 'opened') heard(event.caseId);
  });
  const toConsole: number[] = [];
  const caseIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const opened = new Promise<string>((resolve) => (heard = resolve));
    const started = performance.now();
    await app.engine.receive(message(`desk${i}`, 0, { text: 'I want to talk to a real person' }));
    caseIds.push(await opened);
    toConsole.push(performance.now() - started);
  }
  unsubscribe();

  const races: number[] = [];
  for (const caseId of caseIds) {
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: racers }, (_, r) => parts.desk.claim(caseId, `racer-${r}`, new Date())));
    races.push(performance.now() - started);
    const winners = results.filter((r) => r.ok).length;
    if (winners !== 1) throw new Error(`claim race on ${caseId}: ${winners} winners`);
  }

  const reads: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await parts.desk.list();
    reads.push(performance.now() - started);
  }
  const p = (values: number[], q: number) => round(percentile([...values].sort((a, b) => a - b), q));
  return {
    tickets: caseIds.length,
    toConsoleP50Ms: p(toConsole, 50), toConsoleP99Ms: p(toConsole, 99),
    claimRaceP50Ms: p(races, 50), claimRaceP99Ms: p(races, 99),
    queueReadP50Ms: p(reads, 50), queueReadP99Ms: p(reads, 99),
  };
}
