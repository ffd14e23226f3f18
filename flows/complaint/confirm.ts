import type { ConversationState } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { FlowContext, TurnResult } from '../types.ts';
import { priorityOf } from '../handoff.ts';
import { startTimer } from '../sla.ts';
import { offerTotal } from './offer.ts';

export const satisfactionChoices = [
  { id: 'satisfied', label: phrase('choice.satisfied') },
  { id: 'not_satisfied', label: phrase('choice.not_satisfied') },
];

/**
 * Step 5, confirm: the offer is accepted. Say the plan and the concrete time by
 * which a person approves or arranges it, and ask whether the traveller is satisfied.
 */
export async function confirmPlan(state: ConversationState, ctx: FlowContext): Promise<TurnResult> {
  const offer = state.offer;
  if (!offer) throw new Error('confirmPlan needs an offer');
  const due = ctx.policy.responseDue(state.facts.severity, ctx.now);
  const approver = offer.total === null ? 'agent' : ctx.policy.approverFor(offer.total);
  const accepted = { ...state, step: 'confirm' as const };
  const caseId = await ctx.fileCase(accepted, offer.needsApproval ? 'pending_approval' : 'open', { accepted: offer });
  await ctx.promise(caseId, 'acceptance', { total: offer.total, needsApproval: offer.needsApproval });
  await ctx.promise(caseId, 'deadline', { dueAt: due.toISOString(), for: offer.needsApproval ? 'approval' : 'arrangement', approver });
  await ctx.enqueue('case.action', { conversationKey: state.key, caseId, approver, needsApproval: offer.needsApproval, dueAt: due.toISOString() }, {
    priority: priorityOf[state.facts.severity], jobId: `action:${caseId}`,
  });
  await startTimer(state.key, { kind: 'promised_action', caseId, dueAt: due.toISOString() }, ctx);
  await startTimer(state.key, { kind: 'resolution', caseId, dueAt: ctx.policy.resolutionDue(state.facts.severity, ctx.now).toISOString() }, ctx);
  return {
    state: { ...accepted, caseId },
    replies: [{
      step: 'confirm',
      lines: [
        phrase('confirm.plan', { total: offerTotal(state, ctx.policy) }),
        phrase(offer.needsApproval ? 'confirm.approval' : 'confirm.arranged', { time: due }),
        phrase('confirm.ask'),
      ],
      choices: satisfactionChoices,
    }],
  };
}
