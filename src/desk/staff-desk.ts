import { randomUUID } from 'node:crypto';
import type { StaffMember } from '../../flows/staff.ts';
import { staffApproved, staffHandedBack, staffJoined, staffResolved, staffSaid } from '../../flows/staff.ts';
import type { ChannelRouter } from '../channel-router.ts';
import type { Engine, StaffChange } from '../engine/engine.ts';
import type { Json } from '../ports/audit-log.ts';
import type { AuditLog } from '../ports/audit-log.ts';
import type { CaseRegister } from '../ports/case-register.ts';
import type { Clock } from '../ports/clock.ts';
import type { ConversationStore } from '../ports/conversation-store.ts';
import type { DeskEvent, DeskFeed } from '../ports/desk-feed.ts';
import type { DeskLevel, EscalationDesk, Ticket } from '../ports/escalation-desk.ts';
import type { Inbox } from '../ports/inbox.ts';
import { deskLevels } from '../ports/escalation-desk.ts';
import type { PromiseLedger } from '../ports/promise-ledger.ts';
import type { StaffDirectory } from '../ports/staff-directory.ts';
import type { AgencyPolicy } from '../policy/agency-policy.ts';
import { isManager, managerRoles, staffRoles } from '../staff/roles.ts';
import type { Staff } from '../staff/staff-auth.ts';
import { DeskError } from './desk-error.ts';
import { packetOf } from './packet.ts';
import { queueItem, ref } from './queue-item.ts';
import * as may from './permissions.ts';
import { applyApproval, approve, currentOffer, refusals } from './remedies.ts';
import type { Resolution } from './resolution.ts';
import { splitCost } from './resolution.ts';
import type { Teams } from './teams.ts';
import type { ConversationView, QueueItem, WindowView } from './views.ts';
import { conversationIdOf } from '../conversation/messages.ts';

export interface StaffDeskParts {
  desk: EscalationDesk;
  feed: DeskFeed;
  register: CaseRegister;
  ledger: PromiseLedger;
  store: ConversationStore;
  /** Messages set aside after their turns failed every time, for supervisors to see. */
  inbox: Pick<Inbox, 'deadLetters'>;
  staff: StaffDirectory;
  audit: AuditLog;
  engine: Engine;
  router: ChannelRouter;
  teams: Teams;
  policy: AgencyPolicy;
  clock: Clock;
}

/**
 * The staff console's work, behind the API: the queue, one conversation's packet and
 * transcript, and what staff do with it. Every action checks who may do it, is audited,
 * and tells every console through the feed.
 */
export class StaffDesk {
  readonly #p: StaffDeskParts;

  constructor(parts: StaffDeskParts) {
    this.#p = parts;
  }

  async queue(actor: Staff, filter: { team?: string | undefined } = {}): Promise<QueueItem[]> {
    const options = actor.role === 'partner' ? { sharedWith: actor.id } : filter.team ? { team: filter.team } : {};
    const tickets = (await this.#p.desk.list(options)).filter((t) => may.canSee(actor, t));
    const names = await this.#names(tickets.map((t) => t.ownerId));
    return tickets.map((t) => queueItem(t, names));
  }

  /** How many messages the bot set aside unanswered (their turns failed every time): supervisors and above see it; null for the rest. */
  async setAside(actor: Staff): Promise<number | null> {
    if (!isManager(actor.role)) return null;
    return (await this.#p.inbox.deadLetters()).length;
  }

  async conversation(actor: Staff, caseId: string): Promise<ConversationView> {
    const ticket = await this.#visible(actor, caseId);
    const record = await this.#p.register.get(caseId);
    if (!record) throw new DeskError(404, 'case_not_found', `no case ${caseId}`);
    const partner = actor.role === 'partner';
    const [entries, state, transcript, notes] = await Promise.all([
      this.#p.ledger.entries(caseId),
      this.#p.store.read(ticket.conversationKey),
      partner ? [] : this.#p.register.transcript(ticket.conversationKey),
      partner ? [] : this.#p.desk.notes(caseId),
    ]);
    const offered = { offer: currentOffer(entries), refused: refusals(entries), locale: state?.locale ?? null };
    const names = await this.#names([ticket.ownerId, ...notes.map((n) => n.authorId)]);
    const holds = may.holds(actor, ticket);
    return {
      ticket: queueItem(ticket, names),
      packet: packetOf(record, offered, this.#p.policy, partner),
      transcript: transcript.map((e) => ({ id: e.id, from: e.from, text: e.text, at: e.at.toISOString() })),
      notes: notes.map((n) => ({ author: ref(n.authorId, names), text: n.text, at: n.at.toISOString() })),
      window: partner ? null : await this.#window(ticket),
      can: {
        claim: may.isOpen(ticket) && !holds && ticket.ownerId === null && may.canClaim(actor, ticket),
        reply: holds && ticket.reason !== 'approval',
        approve: holds && (offered.offer?.needsApproval ?? false),
        close: holds,
        handback: holds && ticket.reason !== 'approval',
        escalate: may.canEscalate(actor, ticket),
        share: may.canShare(actor, ticket),
        assign: may.canAssign(actor, ticket),
      },
    };
  }

  /** Whether `actor`'s console is told of `event`: a partner hears only of the cases shared with it. */
  async hears(actor: Staff, event: DeskEvent): Promise<boolean> {
    if (actor.role !== 'partner') return true;
    if (event.kind === 'incident' || event.kind === 'inbox') return false;
    const ticket = await this.#p.desk.get(event.caseId);
    return ticket !== undefined && may.canSee(actor, ticket);
  }

  async claim(actor: Staff, caseId: string): Promise<QueueItem> {
    const ticket = await this.#visible(actor, caseId);
    if (!may.canClaim(actor, ticket)) throw new DeskError(403, 'claim_not_allowed', `this ${ticket.level}-level ticket is not yours to claim`, { level: ticket.level });
    const result = await this.#p.desk.claim(caseId, actor.id, this.#p.clock.now());
    if (!result.ok) {
      const owner = result.ticket?.ownerId ?? null;
      if (!owner) throw new DeskError(409, 'claim_unavailable', 'this ticket can no longer be claimed', { owner: null });
      const names = await this.#names([owner]);
      throw new DeskError(409, 'already_claimed', `${names.get(owner) ?? 'someone'} has this conversation already`, { owner: ref(owner, names) });
    }
    if (ticket.ownerId !== actor.id && ticket.reason !== 'approval') await this.#join(result.ticket, actor);
    await this.#done(actor, 'conversation.claim', result.ticket, 'claimed');
    return queueItem(result.ticket, await this.#names([actor.id]));
  }

  async say(actor: Staff, caseId: string, text: string): Promise<void> {
    const { ticket } = await this.#held(actor, caseId);
    if (ticket.reason === 'approval') throw new DeskError(409, 'ticket_for_approval', 'this ticket is for approving a remedy; the bot is still talking with the traveller');
    const window = await this.#window(ticket);
    if (window && !window.open) throw new DeskError(409, 'wechat_window_closed', 'WeChat allows no more messages until the traveller writes again (48-hour window closed or message quota used up)');
    await this.#act(ticket, (state) => staffSaid(state, this.#member(actor, ticket), text));
    await this.#audit(actor, 'conversation.message', caseId, { characters: text.length });
    await this.#p.feed.publish({ kind: 'message', caseId });
  }

  async note(actor: Staff, caseId: string, text: string): Promise<void> {
    if (!may.canNote(actor)) throw new DeskError(403, 'forbidden_role', 'partners cannot write notes', { roles: staffRoles.filter((role) => role !== 'partner') });
    await this.#visible(actor, caseId);
    await this.#p.desk.addNote({ caseId, authorId: actor.id, text, at: this.#p.clock.now() });
    await this.#audit(actor, 'conversation.note', caseId, { characters: text.length });
    await this.#p.feed.publish({ kind: 'message', caseId });
  }

  async approve(actor: Staff, caseId: string, remedyId: string, amount: number | undefined): Promise<void> {
    const { ticket, level: approver } = await this.#held(actor, caseId);
    const offer = currentOffer(await this.#p.ledger.entries(caseId));
    if (!offer) throw new DeskError(409, 'no_offer', 'no remedy has been offered in this case');
    const approval = approve(offer, remedyId, { amount, approver, approvedBy: actor.id }, this.#p.policy);
    const record = await this.#p.register.get(caseId);
    await this.#act(ticket, async (state, ctx) => {
      await ctx.promise(caseId, 'approval', { ...approval });
      const settled = applyApproval(offer, approval);
      if (record?.outcome && 'accepted' in record.outcome) {
        await this.#p.register.update(caseId, {
          outcome: { ...record.outcome, accepted: settled },
          ...(!settled.needsApproval && record.status === 'pending_approval' ? { status: 'resolved' } : {}),
        });
      }
      const next = state.complaint.caseId === caseId && state.complaint.offer ? { ...state, offer: settled } : state;
      return approval.total === null ? { state: next, replies: [] }
        : staffApproved(next, this.#member(actor, ticket), { caseId, total: { amount: approval.total, currency: this.#p.policy.currency } });
    });
    await this.#audit(actor, 'remedy.approve', caseId, { part: remedyId, amount: approval.amount, total: approval.total });
    if (ticket.reason === 'approval' && !applyApproval(offer, approval).needsApproval) {
      await this.#finish(ticket, 'closed');
    } else {
      await this.#p.feed.publish({ kind: 'message', caseId });
    }
  }

  /** Closes the case as resolved, with who was responsible and their shares of the cost; the bot then asks whether the traveller is satisfied. */
  async close(actor: Staff, caseId: string, resolution: Resolution): Promise<void> {
    const { ticket } = await this.#held(actor, caseId);
    const record = await this.#p.register.get(caseId);
    const offer = currentOffer(await this.#p.ledger.entries(caseId));
    if (ticket.reason === 'approval' && offer?.needsApproval) throw new DeskError(409, 'approve_before_closing', 'approve the remedy (or change its amount) before closing: the traveller accepted it');
    const total = offer?.total ?? 0;
    const responsible = splitCost(total, resolution.responsible);
    const closedAt = this.#p.clock.now().toISOString();
    await this.#p.register.update(caseId, {
      status: 'resolved',
      outcome: { ...record?.outcome, resolution: { code: resolution.code, responsible, currency: this.#p.policy.currency, closedBy: actor.id, closedAt } },
    });
    if (ticket.reason !== 'approval') await this.#act(ticket, (state) => staffResolved(state, this.#member(actor, ticket)));
    await this.#audit(actor, 'conversation.close', caseId, { resolution: resolution.code, responsible: responsible.map((r) => ({ ...r })) });
    await this.#finish(ticket, 'closed');
  }

  /** Gives the conversation back to the bot, which says back what it knows and carries on. */
  async handBack(actor: Staff, caseId: string): Promise<void> {
    const { ticket } = await this.#held(actor, caseId);
    if (ticket.reason === 'approval') throw new DeskError(409, 'bot_has_conversation', 'the bot has this conversation already');
    await this.#p.register.update(caseId, { status: 'open' });
    await this.#act(ticket, (state, ctx) => staffHandedBack(state, this.#member(actor, ticket), ctx.policy.currency));
    await this.#audit(actor, 'conversation.handback', caseId, {});
    await this.#finish(ticket, 'handed_back');
  }

  /**
   * Up the ladder: agent → supervisor → executive, waiting for someone at that level.
   * An executive is for critical cases, or on grounds the escalating person gives.
   */
  async escalate(actor: Staff, caseId: string, grounds: 'high_profile' | 'traveller_insists' | undefined): Promise<QueueItem> {
    const ticket = await this.#visible(actor, caseId);
    const level = may.nextLevel(ticket.level);
    if (!level || !may.canEscalate(actor, ticket)) throw new DeskError(403, 'escalate_not_allowed', 'you cannot escalate this ticket');
    if (level === 'executive' && ticket.severity !== 'critical' && !grounds) {
      throw new DeskError(400, 'escalation_grounds_required', 'an executive is involved only for critical cases, high-profile ones or on the traveller\'s insistence: give the grounds');
    }
    const result = await this.#p.desk.assign(caseId, { ownerId: null, level, expectedOwnerId: ticket.ownerId }, this.#p.clock.now());
    if (!result.ok) throw new DeskError(409, 'ticket_changed', 'the ticket changed hands meanwhile; reload it');
    await this.#done(actor, 'conversation.escalate', result.ticket, 'assigned', { level, grounds: grounds ?? null });
    return queueItem(result.ticket, new Map());
  }

  /** Gives the ticket to someone who can work at its level: a reassignment, or an executive naming a follow-up owner. */
  async assign(actor: Staff, caseId: string, staffId: string): Promise<QueueItem> {
    const ticket = await this.#visible(actor, caseId);
    if (!may.canAssign(actor, ticket)) throw new DeskError(403, 'forbidden_role', 'only supervisors, executives and admins assign tickets', { roles: managerRoles });
    const account = await this.#p.staff.get(staffId);
    const assignee = account && { id: account.id, username: account.username, displayName: account.displayName, role: account.role, teams: account.teams };
    const level = assignee && may.levelOf(assignee);
    if (!assignee || !level) throw new DeskError(400, 'invalid_assignee', 'assign to an agent, a supervisor or an executive');
    const result = await this.#p.desk.assign(caseId, { ownerId: assignee.id, level, expectedOwnerId: ticket.ownerId }, this.#p.clock.now());
    if (!result.ok) throw new DeskError(409, 'ticket_changed', 'the ticket changed hands meanwhile; reload it');
    if (ticket.ownerId !== assignee.id && ticket.reason !== 'approval') await this.#join(result.ticket, assignee);
    await this.#done(actor, 'conversation.assign', result.ticket, 'assigned', { to: assignee.id, level });
    return queueItem(result.ticket, await this.#names([assignee.id]));
  }

  /** Lets a partner see the case's facts, with the traveller's identity masked. */
  async share(actor: Staff, caseId: string, partnerId: string): Promise<void> {
    const ticket = await this.#visible(actor, caseId);
    if (!may.canShare(actor, ticket)) throw new DeskError(403, 'share_not_allowed', 'only the owner of the ticket or a supervisor shares it');
    const partner = await this.#p.staff.get(partnerId);
    if (partner?.role !== 'partner') throw new DeskError(400, 'invalid_partner', 'share with a partner account');
    const shared = await this.#p.desk.share(caseId, partnerId, this.#p.clock.now());
    if (shared) await this.#done(actor, 'conversation.share', shared, 'shared', { partner: partnerId });
  }

  async #visible(actor: Staff, caseId: string): Promise<Ticket> {
    const ticket = await this.#p.desk.get(caseId);
    if (!ticket || !may.canSee(actor, ticket)) throw new DeskError(404, 'ticket_not_found', `no ticket ${caseId} that you can see`);
    return ticket;
  }

  /** The ticket the actor holds, and the level they work at; admins and partners hold none, so claiming would not help them. */
  async #held(actor: Staff, caseId: string): Promise<{ ticket: Ticket; level: DeskLevel }> {
    const ticket = await this.#visible(actor, caseId);
    const level = may.levelOf(actor);
    if (!level) throw new DeskError(403, 'forbidden_role', 'only agents, supervisors and executives talk to travellers and approve remedies', { roles: deskLevels });
    if (!may.holds(actor, ticket)) throw new DeskError(409, 'claim_first', 'claim this conversation first: only its owner can do that');
    return { ticket, level };
  }

  /** A change to the conversation, run by the engine under its turn lock. */
  async #act(ticket: Ticket, change: StaffChange): Promise<void> {
    const found = await this.#p.engine.act(ticket.conversationKey, randomUUID(), change);
    if (!found) throw new DeskError(409, 'conversation_expired', 'the conversation has expired: the traveller must write again');
  }

  async #join(ticket: Ticket, staff: Staff): Promise<void> {
    await this.#act(ticket, (state) => staffJoined(state, this.#member(staff, ticket)));
  }

  #member(staff: Staff, ticket: Ticket): StaffMember {
    return { displayName: staff.displayName, introducedAs: this.#p.teams.introducedAs(ticket.team) };
  }

  async #window(ticket: Ticket): Promise<WindowView | null> {
    const conversationId = conversationIdOf(ticket.conversationKey);
    const window = await this.#p.router.windowOf(ticket.channel, conversationId);
    if (window === undefined) return null;
    return window ? { open: window.remaining > 0, closesAt: window.closesAt.toISOString(), remaining: window.remaining } : { open: false, closesAt: null, remaining: 0 };
  }

  async #names(ids: (string | null)[]): Promise<Map<string, string>> {
    const known = [...new Set(ids.filter((id) => id !== null))];
    const accounts = await Promise.all(known.map((id) => this.#p.staff.get(id)));
    return new Map(accounts.filter((a) => a !== undefined).map((a) => [a.id, a.displayName]));
  }

  async #finish(ticket: Ticket, status: 'closed' | 'handed_back'): Promise<void> {
    await this.#p.desk.finish(ticket.caseId, status, this.#p.clock.now());
    await this.#p.feed.publish({ kind: 'ticket', caseId: ticket.caseId, change: status });
  }

  async #done(actor: Staff, action: string, ticket: Ticket, change: Extract<DeskEvent, { kind: 'ticket' }>['change'], details: { [key: string]: Json } = {}): Promise<void> {
    await this.#audit(actor, action, ticket.caseId, details);
    await this.#p.feed.publish({ kind: 'ticket', caseId: ticket.caseId, change });
  }

  async #audit(actor: Staff, action: string, caseId: string, details: { [key: string]: Json }): Promise<void> {
    await this.#p.audit.record({ actor: actor.id, action, target: caseId, details, at: this.#p.clock.now() });
  }
}
