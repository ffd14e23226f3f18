import type { ConversationState } from '../src/conversation/state.ts';
import { phrase } from '../src/i18n/render.ts';
import type { MessageKey, Phrase } from '../src/i18n/render.ts';
import type { CaseRecord } from '../src/ports/case-register.ts';
import type { Ticket } from '../src/ports/escalation-desk.ts';
import type { LedgerEntry } from '../src/ports/promise-ledger.ts';
import type { FlowContext, TurnInput, TurnResult } from './types.ts';
import { betweenComplaints } from './feedback.ts';
import { openComplaintChoices } from './rights.ts';

/**
 * A traveller asks how their case is going, by its number or in words: where it stands and
 * the next time promised. Only their own cases: another's number is "not found", never a leak.
 */
export async function answerStatus(state: ConversationState, input: TurnInput, ctx: FlowContext): Promise<TurnResult | null> {
  if (input.choice !== null) return null;
  const quoted = input.understood.entities.caseNumbers[0] ?? null;
  // Mid-complaint, words are answers to the question asked; only a quoted number asks about a case.
  const free = betweenComplaints(state) || state.complaint.step === 'handoff';
  if (!quoted && !(free && input.understood.intent === 'status_query')) return null;
  const record = await ctx.ownCase(state.key, quoted);
  if (!record) {
    return quoted
      ? { state, replies: [{ step: 'notice', lines: [phrase('status.not_found', { caseId: quoted })], keepChoices: true }] }
      : { state, replies: [{ step: 'notice', lines: [phrase('status.none')], choices: openComplaintChoices }] };
  }
  const { ledger, ticket } = await ctx.casePromises(record.id);
  const due = nextPromised(ledger, ticket, ctx.now);
  const lines: Phrase[] = [phrase('status.case', { caseId: record.id, state: phrase(`status.state.${standing(record, ticket, due)}` as MessageKey) })];
  if (due) lines.push(phrase('status.next', { time: due }));
  return { state, replies: [{ step: 'notice', lines, keepChoices: true }] };
}

/**
 * Where the case stands in the traveller's terms, and only what is true: a person holding it is
 * worth saying, and a case is not "resolved" while something promised is still to be done.
 */
function standing(record: CaseRecord, ticket: Ticket | undefined, due: Date | null): string {
  if (ticket?.status === 'claimed' && record.status === 'handed_off') return 'claimed';
  if (record.status === 'resolved' && due !== null) return 'arranging';
  return record.status;
}

/** The latest promised deadline still ahead, else the time a person promised to reply by; null when nothing is due. */
function nextPromised(ledger: LedgerEntry[], ticket: Ticket | undefined, now: Date): Date | null {
  const promised = ledger.filter((e) => e.kind === 'deadline' && typeof e.payload.dueAt === 'string').at(-1)?.payload.dueAt;
  const deadline = typeof promised === 'string' ? new Date(promised) : null;
  if (deadline && deadline > now) return deadline;
  const waiting = ticket && (ticket.status === 'waiting' || ticket.status === 'claimed');
  return waiting && ticket.respondBy && ticket.respondBy > now ? ticket.respondBy : null;
}
