import { withComplaint } from '../src/conversation/state.ts';
import type { ConversationState, Handoff } from '../src/conversation/state.ts';
import { phrase } from '../src/i18n/render.ts';
import type { Understood } from '../src/ports/understanding.ts';
import type { Severity } from '../src/taxonomy.ts';
import type { FlowContext, TurnInput, TurnResult } from './types.ts';
import { hear, maxSeverity } from './complaint/facts.ts';
import { startTimer } from './sla.ts';

/** Queue priority by severity: 1 is served first. */
export const priorityOf: Record<Severity, number> = { critical: 1, high: 2, medium: 3, low: 4 };

/** What, at any step, sends the conversation to a person at once (danger goes first: see safety/); the graver reason wins. */
export function handoffTrigger(u: Understood): Handoff['reason'] | null {
  if (u.flags.includes('threatens_external')) return 'external_threat';
  if (u.flags.includes('wants_human')) return 'asked_for_person';
  return null;
}

/** Files the case as handed off, queues it for a person and tells the traveller by when. */
export async function handOff(state: ConversationState, reason: Handoff['reason'], ctx: FlowContext): Promise<TurnResult> {
  // Someone waiting for a person is never low priority; a threat to go outside is high.
  const floor = reason === 'safety' ? 'critical' : reason === 'external_threat' ? 'high' : 'medium';
  const severity = maxSeverity(state.complaint.facts.severity, floor);
  const facts = { ...state.complaint.facts, severity, awaiting: null };
  const due = ctx.policy.responseDue(severity, ctx.now);
  const handoff: Handoff = { reason, dueAt: due.toISOString() };
  const next = withComplaint(state, { facts, step: 'handoff', handoff });
  const caseId = await ctx.fileCase(next, 'handed_off');
  await ctx.enqueue('handoff', { conversationKey: state.key, caseId, reason, severity, dueAt: handoff.dueAt }, {
    priority: priorityOf[severity], jobId: `handoff:${caseId}:${severity}:${reason}`,
  });
  await startTimer(state.key, { kind: 'first_response', caseId, dueAt: due.toISOString() }, ctx);
  await startTimer(state.key, { kind: 'resolution', caseId, dueAt: ctx.policy.resolutionDue(severity, ctx.now).toISOString() }, ctx);
  return { state: withComplaint(next, { caseId }), replies: [{ step: 'handoff', lines: [phrase(`handoff.${reason}`, { caseId, time: due })] }] };
}

/** Reasons already with a supervisor or more: asking for a manager again changes nothing. */
const supervised: ReadonlySet<Handoff['reason']> = new Set(['asked_for_manager', 'external_threat', 'safety']);

/**
 * While a person is on the way: a request for a manager, or a threat to go outside, raises the case
 * to a supervisor; "hello? anyone there?" is told the time promised and how long is left (or, past
 * it, a supervisor is alerted); anything else is added to the case the staff see.
 */
export async function whileWaiting(state: ConversationState, input: TurnInput, ctx: FlowContext): Promise<TurnResult> {
  const handoff = state.complaint.handoff;
  if (!handoff) throw new Error('whileWaiting needs a handoff');
  const u = input.understood;
  const { facts } = hear(state.complaint.facts, input, ctx.policy);
  const next = withComplaint(state, { facts });
  const wantsMore = u.intent === 'wants_human' || u.flags.includes('wants_human') || u.flags.includes('threatens_external');
  if (wantsMore && !supervised.has(handoff.reason)) return handOff(next, u.flags.includes('threatens_external') ? 'external_threat' : 'asked_for_manager', ctx);
  const due = new Date(handoff.dueAt);
  const caseId = state.complaint.caseId;
  if (facts.telling.length > state.complaint.facts.telling.length || facts.said.length > state.complaint.facts.said.length && u.intent !== 'other') {
    await ctx.fileCase(next, 'handed_off'); // what they add reaches the staff with the case
  }
  if (u.intent === 'other' || u.intent === 'status_query' || wantsMore) {
    if (due <= ctx.now && caseId) {
      await ctx.enqueue('supervisor.alert', { conversationKey: state.key, caseId, severity: facts.severity }, { priority: 1, jobId: `supervisor:${caseId}:waiting` });
      return { state: next, replies: [{ step: 'handoff', lines: [phrase('handoff.overdue')] }] };
    }
    const minutes = Math.max(1, Math.ceil((due.getTime() - ctx.now.getTime()) / 60_000));
    return { state: next, replies: [{ step: 'handoff', lines: [phrase('handoff.still_waiting', { time: due, minutes })] }] };
  }
  return { state: next, replies: [{ step: 'handoff', lines: [phrase('handoff.noted', { time: due })] }] };
}
