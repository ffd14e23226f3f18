import type { ConversationState } from '../src/conversation/state.ts';
import { phrase } from '../src/i18n/render.ts';
import type { FlowContext, TurnResult } from './types.ts';

/**
 * The timers behind what the agency promised: a person's first reply after a
 * handoff, the time given for approving or arranging an accepted offer, and
 * the case's resolution. Each is a `sla.due` job carrying one of these.
 */
export interface ServiceTimer {
  kind: 'first_response' | 'promised_action' | 'resolution';
  caseId: string;
  /** ISO time it falls due. */
  dueAt: string;
  /** How often this promise was missed before. */
  misses?: number;
}

/** A traveller hears of a missed time at most this often; after that, only supervisors are chased. */
const tellTravellerTimes = 2;
/** After this many misses the timer stops; the resolution timer and the alerts carry on. */
const maxMisses = 3;

export async function startTimer(conversationKey: string, timer: ServiceTimer, ctx: FlowContext): Promise<void> {
  await ctx.enqueue('sla.due', { conversationKey, ...timer }, {
    delayMs: Math.max(0, new Date(timer.dueAt).getTime() - ctx.now.getTime()), jobId: `sla:${timer.kind}:${timer.caseId}:${timer.dueAt}`,
  });
}

/**
 * A timer has fallen due. If the promise was kept after all (someone replied,
 * approved, resolved), nothing happens. Otherwise a supervisor is alerted, the
 * miss is recorded in the ledger, and a traveller who was given a time is told
 * honestly, with a new one.
 */
export async function timerDue(state: ConversationState, timer: ServiceTimer, ctx: FlowContext): Promise<TurnResult | null> {
  if (!(await missed(state, timer, ctx))) return null;
  const misses = (timer.misses ?? 0) + 1;
  const severity = state.complaint.caseId === timer.caseId ? state.complaint.facts.severity : 'high';
  const next = timer.kind === 'resolution' || misses >= maxMisses ? null : ctx.policy.responseDue(severity, ctx.now);
  await ctx.enqueue('supervisor.alert', { conversationKey: state.key, caseId: timer.caseId, reason: `${timer.kind}_missed` }, {
    priority: 1, jobId: `supervisor:${timer.caseId}:${timer.kind}:${timer.dueAt}`,
  });
  await ctx.promise(timer.caseId, 'deadline', { missed: timer.dueAt, kind: timer.kind, misses, dueAt: next?.toISOString() ?? null });
  if (!next) return { state, replies: [] };
  await startTimer(state.key, { ...timer, dueAt: next.toISOString(), misses }, ctx);
  if (misses > tellTravellerTimes) return { state, replies: [] };
  const waiting = timer.kind === 'first_response' && state.complaint.handoff ? { ...state, handoff: { ...state.complaint.handoff, dueAt: next.toISOString() } } : state;
  const late = timer.kind === 'first_response'
    ? { step: 'handoff' as const, lines: [phrase('handoff.late', { time: next })] }
    : { step: 'notice' as const, lines: [phrase('promise.late', { time: next, caseId: timer.caseId })] };
  return { state: waiting, replies: [late] };
}

async function missed(state: ConversationState, timer: ServiceTimer, ctx: FlowContext): Promise<boolean> {
  if (timer.kind === 'first_response') {
    return state.complaint.step === 'handoff' && state.mode === 'bot' && state.complaint.handoff?.dueAt === timer.dueAt;
  }
  const status = await ctx.caseStatus(timer.caseId);
  if (timer.kind === 'promised_action') return status === 'pending_approval' || status === 'open';
  return status !== null && status !== 'resolved';
}
