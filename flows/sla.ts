import { phrase } from '../src/i18n/render.ts';
import type { ConversationState } from '../src/conversation/state.ts';
import type { FlowContext, TurnResult } from './types.ts';
import { scheduleSla } from './handoff.ts';

/**
 * The promised reply time has come. If nobody has taken the conversation,
 * say so honestly, give a new concrete time and alert a supervisor.
 */
export async function replyTimeDue(state: ConversationState, dueAt: string, ctx: FlowContext): Promise<TurnResult | null> {
  const waiting = state.step === 'handoff' && state.mode === 'bot' && state.handoff?.dueAt === dueAt;
  if (!waiting || !state.handoff || !state.caseId) return null;
  const due = ctx.policy.responseDue(state.facts.severity, ctx.now);
  await ctx.enqueue('supervisor.alert', { conversationKey: state.key, caseId: state.caseId, reason: 'reply_time_missed' }, {
    priority: 1, jobId: `supervisor:${state.caseId}:${dueAt}`,
  });
  await scheduleSla(state.key, state.caseId, due, ctx);
  return {
    state: { ...state, handoff: { ...state.handoff, dueAt: due.toISOString() } },
    replies: [{ step: 'handoff', lines: [phrase('handoff.late', { time: due })] }],
  };
}
