/**
 * What the bench says to every system: the traveller's side of one whole complaint, and how many
 * conversations talk at once. Shared by tripcare's driver (bench/tripcare.ts) and the botbuilder
 * peer (bench/peer/), so both hear exactly the same turns.
 */
import type { InboundMessage } from '../src/conversation/messages.ts';

/** A traveller's turn: typed text, or a pressed choice (sent by botbuilder as the choice's value, as an imBack button does). */
export type Turn = Pick<InboundMessage, 'text' | 'choice'>;

/** A whole complaint, from telling to report: 9 turns, with case, ledger and job writes. */
export const complaint: Turn[] = [
  { text: 'The hotel room was filthy and there was no hot water at all!' }, { text: 'GZ-2611-A' }, { text: 'yesterday' },
  { text: '2' }, { text: '', choice: 'wants:compensation' }, { text: '', choice: 'confirm' }, { text: '300' },
  { text: '', choice: 'offer:accept' }, { text: '', choice: 'satisfied' },
];

/** Replies tripcare sends to each turn of `complaint` (apology and question; thanks, case number and survey). */
export const repliesPerTurn = [1, 1, 1, 1, 1, 2, 1, 1, 3];

export interface Level {
  /** Conversations talking at once… */
  concurrency: number;
  /** …out of this many in all. */
  conversations: number;
  script: Turn[];
}

/**
 * The levels the bench knows. At 10,000 at once, only the listening part of the complaint
 * (4 turns), to keep a run within minutes; `npm run bench` runs 1 and 100 unless BENCH_LEVELS says.
 */
export const levels: Level[] = [
  { concurrency: 1, conversations: 100, script: complaint },
  { concurrency: 100, conversations: 500, script: complaint },
  { concurrency: 10_000, conversations: 10_000, script: complaint.slice(0, 4) },
];

export function levelAt(concurrency: number): Level {
  const level = levels.find((l) => l.concurrency === concurrency);
  if (!level) throw new Error(`no bench level at concurrency ${concurrency}: one of ${levels.map((l) => l.concurrency).join(', ')}`);
  return level;
}
