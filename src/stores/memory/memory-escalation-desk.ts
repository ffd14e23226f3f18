import type { ClaimResult, DeskNote, EscalationDesk, NewTicket, Ticket, TicketFilter, TicketStatus } from '../../ports/escalation-desk.ts';
import { deskLevels, severityRank } from '../../ports/escalation-desk.ts';

/** Statuses in which a ticket is still someone's work: `list`'s default, and what `open` keeps. */
const activeStatuses: TicketStatus[] = ['waiting', 'claimed'];

/** The embedded staff desk: gone when the process ends. */
export class MemoryEscalationDesk implements EscalationDesk {
  readonly #tickets = new Map<string, Ticket>();
  readonly #notes: DeskNote[] = [];

  async open(t: NewTicket): Promise<Ticket> {
    const known = this.#tickets.get(t.caseId);
    // An active ticket keeps who has it and since when; an ended one starts again from `t`.
    const kept = known && activeStatuses.includes(known.status) ? known : undefined;
    const opened: Ticket = structuredClone({
      caseId: t.caseId,
      conversationKey: t.conversationKey,
      channel: t.channel,
      team: t.team,
      level: kept && deskLevels.indexOf(kept.level) > deskLevels.indexOf(t.level) ? kept.level : t.level,
      reason: t.reason,
      severity: kept && severityRank[kept.severity] < severityRank[t.severity] ? kept.severity : t.severity,
      category: t.category,
      flags: t.flags,
      status: kept?.status ?? 'waiting',
      ownerId: kept?.ownerId ?? null,
      openedAt: kept?.openedAt ?? t.openedAt,
      respondBy: t.respondBy,
      resolveBy: t.resolveBy,
      alertedAt: kept?.alertedAt ?? null,
      sharedWith: known?.sharedWith ?? [],
      updatedAt: t.openedAt,
    });
    this.#tickets.set(opened.caseId, opened);
    return structuredClone(opened);
  }

  async get(caseId: string): Promise<Ticket | undefined> {
    const ticket = this.#tickets.get(caseId);
    return ticket && structuredClone(ticket);
  }

  async list({ statuses = activeStatuses, team, ownerId, sharedWith }: TicketFilter = {}): Promise<Ticket[]> {
    const found = [...this.#tickets.values()].filter((t) => statuses.includes(t.status)
      && (team === undefined || t.team === team)
      && (ownerId === undefined || t.ownerId === ownerId)
      && (sharedWith === undefined || t.sharedWith.includes(sharedWith)));
    return structuredClone(found.sort(queueOrder));
  }

  async claim(caseId: string, staffId: string, at: Date): Promise<ClaimResult> {
    return this.#change(
      caseId,
      (t) => t.status === 'waiting' || (t.status === 'claimed' && t.ownerId === staffId),
      () => ({ status: 'claimed', ownerId: staffId, updatedAt: at }),
    );
  }

  async assign(caseId: string, change: { ownerId: string | null; level: Ticket['level']; expectedOwnerId: string | null }, at: Date): Promise<ClaimResult> {
    return this.#change(
      caseId,
      (t) => activeStatuses.includes(t.status) && t.ownerId === change.expectedOwnerId,
      () => ({ status: change.ownerId === null ? 'waiting' : 'claimed', ownerId: change.ownerId, level: change.level, updatedAt: at }),
    );
  }

  async finish(caseId: string, status: 'closed' | 'handed_back', at: Date): Promise<Ticket | undefined> {
    return this.#change(caseId, () => true, () => ({ status, updatedAt: at })).ticket;
  }

  async markAlerted(caseId: string, at: Date): Promise<void> {
    this.#change(caseId, () => true, () => ({ alertedAt: at }));
  }

  async share(caseId: string, partnerId: string, at: Date): Promise<Ticket | undefined> {
    return this.#change(caseId, () => true, (t) => ({
      sharedWith: t.sharedWith.includes(partnerId) ? t.sharedWith : [...t.sharedWith, partnerId],
      updatedAt: at,
    })).ticket;
  }

  async addNote(note: DeskNote): Promise<void> {
    this.#notes.push(structuredClone(note));
  }

  async notes(caseId: string): Promise<DeskNote[]> {
    // A stable sort: notes written at the same instant stay in the order they were added.
    const ofCase = this.#notes.filter((n) => n.caseId === caseId).sort((a, b) => a.at.getTime() - b.at.getTime());
    return structuredClone(ofCase);
  }

  /** Applies `change` to the ticket if `may` allows it; either way returns a copy of the ticket as it then stands. */
  #change(caseId: string, may: (t: Ticket) => boolean, change: (t: Ticket) => Partial<Ticket>): ClaimResult {
    const ticket = this.#tickets.get(caseId);
    if (!ticket || !may(ticket)) return { ok: false, ticket: ticket && structuredClone(ticket) };
    Object.assign(ticket, structuredClone(change(ticket)));
    return { ok: true, ticket: structuredClone(ticket) };
  }
}

/** Most severe first, then longest waiting; the case id keeps ties in one order. */
function queueOrder(a: Ticket, b: Ticket): number {
  return severityRank[a.severity] - severityRank[b.severity]
    || a.openedAt.getTime() - b.openedAt.getTime()
    || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);
}
