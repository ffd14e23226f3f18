import type { Channel } from '../conversation/messages.ts';
import type { Category, Flag, Problem, Severity } from '../taxonomy.ts';

export type CaseStatus = 'open' | 'handed_off' | 'pending_approval' | 'resolved';

/** What a traveller's case says: labels, the confirmed facts and the outcome. */
export interface CaseRecord {
  /** Short, quotable: `TC-` and six unambiguous characters. */
  id: string;
  conversationKey: string;
  channel: Channel;
  category: Category;
  also: Category[];
  problems: Problem[];
  severity: Severity;
  flags: Flag[];
  status: CaseStatus;
  /** The method steps the case went through, in order. */
  steps: string[];
  facts: Record<string, unknown>;
  /** The remedy the traveller accepted, or their stated preference when handed off. */
  outcome: Record<string, unknown> | null;
  createdAt: Date;
  updatedAt: Date;
}

export type CaseDraft = Omit<CaseRecord, 'id' | 'createdAt' | 'updatedAt'>;

export interface TranscriptEntry {
  /** Unique per entry: appending the same id again is a no-op, so a redone turn is not written twice. */
  id: string;
  conversationKey: string;
  from: 'traveller' | 'bot' | 'staff';
  text: string;
  step?: string;
  at: Date;
}

/** The register of record: every case and every word said. Memory, PGlite or PostgreSQL. */
export interface CaseRegister {
  /**
   * Opens a case, or returns the one already opened under `idempotencyKey`,
   * so a retried turn never files twice.
   */
  open(idempotencyKey: string, draft: CaseDraft): Promise<CaseRecord>;
  update(id: string, patch: Partial<CaseDraft>): Promise<CaseRecord>;
  get(id: string): Promise<CaseRecord | undefined>;
  /** Appends entries in order, in one write; an entry whose id is known already is skipped. */
  appendTranscript(entries: TranscriptEntry[]): Promise<void>;
  transcript(conversationKey: string): Promise<TranscriptEntry[]>;
  /**
   * The cases whose `facts.tour` is `tourCode`, ignoring case and surrounding spaces,
   * opened at or after `since`; oldest first.
   */
  casesForTour(tourCode: string, since: Date): Promise<CaseRecord[]>;
  /** The cases opened in `[from, until)`, oldest first: what reports read in memory. */
  casesOpened(from: Date, until: Date): Promise<CaseRecord[]>;
  /** The conversation's most recently opened case; undefined when it has none. */
  latestCase(conversationKey: string): Promise<CaseRecord | undefined>;
}
