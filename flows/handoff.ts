import type { ConversationState, Handoff } from '../src/conversation/state.ts';
import { phrase } from '../src/i18n/render.ts';
import type { Understood } from '../src/ports/understanding.ts';
import type { Severity } from '../src/taxonomy.ts';
import type { FlowContext, TurnResult } from './types.ts';
import { maxSeverity } from './complaint/facts.ts';
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
  const severity = maxSeverity(state.facts.severity, floor);
  const facts = { ...state.facts, severity, awaiting: null };
  const due = ctx.policy.responseDue(severity, ctx.now);
  const handoff: Handoff = { reason, dueAt: due.toISOString() };
  const next: ConversationState = { ...state, facts, step: 'handoff', handoff };
  const caseId = await ctx.fileCase(next, 'handed_off');
  await ctx.enqueue('handoff', { conversationKey: state.key, caseId, reason, severity, dueAt: handoff.dueAt }, {
    priority: priorityOf[severity], jobId: `handoff:${caseId}:${severity}`,
  });
  await startTimer(state.key, { kind: 'first_response', caseId, dueAt: due.toISOString() }, ctx);
  await startTimer(state.key, { kind: 'resolution', caseId, dueAt: ctx.policy.resolutionDue(severity, ctx.now).toISOString() }, ctx);
  return { state: { ...next, caseId }, replies: [{ step: 'handoff', lines: [phrase(`handoff.${reason}`, { caseId, time: due })] }] };
}

/** While a person is on the way: keep what the traveller adds, and say so. */
export function whileWaiting(state: ConversationState, text: string): TurnResult {
  const handoff = state.handoff;
  if (!handoff) throw new Error('whileWaiting needs a handoff');
  const telling = text ? [...state.facts.telling, text] : state.facts.telling;
  const next: ConversationState = { ...state, facts: { ...state.facts, telling } };
  return { state: next, replies: [{ step: 'handoff', lines: [phrase('handoff.noted', { time: new Date(handoff.dueAt) })] }] };
}
