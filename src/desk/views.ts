import type { Ticket } from '../ports/escalation-desk.ts';
import type { Category, Flag, Severity } from '../taxonomy.ts';

/** What the console is sent: plain JSON, times as ISO strings. Traveller text is always plain text to render as text. */

export interface StaffRef {
  id: string;
  displayName: string;
}

/** Dates as ISO strings, as JSON carries them. */
type AsJson<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** A line of the queue: the ticket, without where the conversation lives or who else it is shared with. */
export type QueueItem = Omit<AsJson<Ticket>, 'conversationKey' | 'ownerId' | 'sharedWith' | 'updatedAt'> & { owner: StaffRef | null };

export interface RemedyView {
  /** The id to approve it by. */
  id: string;
  kind: string;
  clause: string;
  amount: number | null;
  /** What the law or contract alone requires: an approval may not go below it. */
  floor: number | null;
  needsApproval: boolean;
  /** The least senior role that may approve it, by the case's total; null when it needs no approval or the total waits for facts. */
  approver: string | null;
}

/** The handoff packet: everything the traveller already said, so they never repeat it. */
export interface Packet {
  /** The traveller's own words, each telling; masked for partners. */
  telling: string[];
  /** Whether the traveller confirmed the bot's restatement. */
  restatementConfirmed: boolean;
  category: Category;
  also: Category[];
  problems: string[];
  severity: Severity;
  flags: Flag[];
  tour: string | null;
  when: string | null;
  people: number | null;
  wants: string | null;
  amounts: { amount: number; currency: string }[];
  /** Remedies offered so far, with what the policy allows for each. */
  remedies: RemedyView[];
  offerTotal: number | null;
  currency: string;
  /** Offers the traveller refused (from the promise ledger). */
  refused: number;
  attachments: { kind: string; ref: string }[];
  locale: string | null;
}

export interface TranscriptLine {
  id: string;
  from: 'traveller' | 'bot' | 'staff';
  text: string;
  at: string;
}

/** WeChat's 48-hour window: whether staff can still write, and how many messages are left. */
export interface WindowView {
  open: boolean;
  closesAt: string | null;
  remaining: number | null;
}

export interface ConversationView {
  ticket: QueueItem;
  packet: Packet;
  /** Empty for partners. */
  transcript: TranscriptLine[];
  /** Empty for partners. */
  notes: { author: StaffRef; text: string; at: string }[];
  /** Null where the channel has no window (Telegram, web chat). */
  window: WindowView | null;
  /** What the signed-in staff member may do with it now. */
  can: { claim: boolean; reply: boolean; approve: boolean; close: boolean; handback: boolean; escalate: boolean; share: boolean; assign: boolean };
}
