import type { Channel } from '../conversation/messages.ts';
import { handoffReasons } from '../conversation/complaint-slice.ts';
import type { Category, Flag, Severity } from '../taxonomy.ts';

/** The escalation ladder: who holds a ticket now. */
export const deskLevels = ['agent', 'supervisor', 'executive'] as const;
export type DeskLevel = (typeof deskLevels)[number];

/**
 * Why a case is on the desk: the bot handed the conversation off, an accepted remedy needs
 * approving, or a traveller scored the handling low in the survey after it closed.
 */
export const ticketReasons = [...handoffReasons, 'approval', 'low_satisfaction'] as const;
export type TicketReason = (typeof ticketReasons)[number];

/**
 * `waiting`: nobody has it. `claimed`: one owner has it. `closed`: resolved by staff.
 * `handed_back`: the bot has the conversation again. A later escalation of the same case reopens it.
 */
export type TicketStatus = 'waiting' | 'claimed' | 'closed' | 'handed_back';

/** One case on the staff desk: a conversation waiting for (or held by) a person. One ticket per case. */
export interface Ticket {
  caseId: string;
  conversationKey: string;
  channel: Channel;
  /** The team whose queue it is in (see the desk's routing). */
  team: string;
  level: DeskLevel;
  reason: TicketReason;
  severity: Severity;
  category: Category;
  flags: Flag[];
  status: TicketStatus;
  /** The staff id that holds it; null while waiting. */
  ownerId: string | null;
  /** When it (last) came onto the desk: the queue's waiting time starts here. */
  openedAt: Date;
  /** A person's first reply is promised by then; null when no time was promised. */
  respondBy: Date | null;
  resolveBy: Date | null;
  /** When a supervisor was last alerted that it waits too long; null if never. */
  alertedAt: Date | null;
  /** Partner staff ids it is shared with. */
  sharedWith: string[];
  updatedAt: Date;
}

export type NewTicket = Pick<Ticket, 'caseId' | 'conversationKey' | 'channel' | 'team' | 'level' | 'reason' | 'severity' | 'category' | 'flags' | 'openedAt' | 'respondBy' | 'resolveBy'>;

export interface DeskNote {
  caseId: string;
  authorId: string;
  /** Private to staff: never sent to the traveller or shown to partners. */
  text: string;
  at: Date;
}

export interface TicketFilter {
  /** Default: waiting and claimed. */
  statuses?: TicketStatus[];
  team?: string;
  ownerId?: string;
  /** Only tickets shared with this partner. */
  sharedWith?: string;
}

export type ClaimResult = { ok: true; ticket: Ticket } | { ok: false; ticket: Ticket | undefined };

/** Severity rank for the queue: critical first. */
export const severityRank: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** The staff desk's tickets and notes. Memory, PGlite or PostgreSQL. */
export interface EscalationDesk {
  /**
   * Puts a case on the desk, idempotently: a ticket already waiting or claimed keeps its
   * owner and opening time but takes the higher severity and level, and the later times;
   * a closed or handed-back one reopens as waiting, with no owner, from `openedAt`.
   */
  open(ticket: NewTicket): Promise<Ticket>;
  get(caseId: string): Promise<Ticket | undefined>;
  /** Most severe first, then longest waiting. */
  list(filter?: TicketFilter): Promise<Ticket[]>;
  /**
   * Makes `staffId` the one owner, atomically: only a waiting ticket (or one `staffId`
   * holds already) can be claimed. Of concurrent claims exactly one succeeds; the others
   * get `ok: false` with the ticket as it now stands (who has it).
   */
  claim(caseId: string, staffId: string, at: Date): Promise<ClaimResult>;
  /**
   * Gives the ticket to `ownerId` (null puts it back to waiting) at `level`, only if its
   * owner is still `expectedOwnerId`: a reassignment that lost a race returns `ok: false`.
   */
  assign(caseId: string, change: { ownerId: string | null; level: DeskLevel; expectedOwnerId: string | null }, at: Date): Promise<ClaimResult>;
  /** Ends a ticket: closed, or handed back to the bot. The owner is kept for the record. */
  finish(caseId: string, status: 'closed' | 'handed_back', at: Date): Promise<Ticket | undefined>;
  markAlerted(caseId: string, at: Date): Promise<void>;
  /** Adds a partner to those the ticket is shared with (once). */
  share(caseId: string, partnerId: string, at: Date): Promise<Ticket | undefined>;
  addNote(note: DeskNote): Promise<void>;
  /** Oldest first. */
  notes(caseId: string): Promise<DeskNote[]>;
}
