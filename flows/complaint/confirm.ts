import type { ConversationState } from '../../src/conversation/state.ts';
import { withComplaint } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { FlowContext, TurnResult } from '../types.ts';
import { priorityOf } from '../handoff.ts';
import { startTimer } from '../sla.ts';

export const satisfactionChoices = [
  { id: 'satisfied', label: phrase('choice.satisfied') },
  { id: 'not_satisfied', label: phrase('choice.not_satisfied') },
];

/**
 * Step 5, confirm: the offer is accepted. Say the plan and the concrete time by
 * which a person approves or arranges it, and ask whether the traveller is satisfied.
 */
export async function confirmPlan(state: ConversationState, ctx: FlowContext): Promise<TurnResult> {
  const offer = state.complaint.offer;
  if (!offer) throw new Error('confirmPlan needs an offer');
  const due = ctx.policy.responseDue(state.complaint.facts.severity, ctx.now);
  const approver = offer.total === null ? 'agent' : ctx.policy.approverFor(offer.total);
  const accepted = withComplaint(state, { step: 'confirm' });
  const caseId = await ctx.fileCase(accepted, offer.needsApproval ? 'pending_approval' : 'open', { accepted: offer });
  await ctx.promise(caseId, 'acceptance', { total: offer.total, needsApproval: offer.needsApproval });
  await ctx.promise(caseId, 'deadline', { dueAt: due.toISOString(), for: offer.needsApproval ? 'approval' : 'arrangement', approver });
  await ctx.enqueue('case.action', { conversationKey: state.key, caseId, approver, needsApproval: offer.needsApproval, dueAt: due.toISOString() }, {
    priority: priorityOf[state.complaint.facts.severity], jobId: `action:${caseId}`,
  });
  await startTimer(state.key, { kind: 'promised_action', caseId, dueAt: due.toISOString() }, ctx);
  await startTimer(state.key, { kind: 'resolution', caseId, dueAt: ctx.policy.resolutionDue(state.complaint.facts.severity, ctx.now).toISOString() }, ctx);
  return {
    state: withComplaint(accepted, { caseId }),
    replies: [{
      step: 'confirm',
      lines: [
        offer.total === null
          ? phrase('confirm.plan_pending')
          : phrase('confirm.plan', { total: phrase('amount.fixed', { amount: { amount: offer.total, currency: ctx.policy.currency } }) }),
        phrase(offer.needsApproval ? 'confirm.approval' : 'confirm.arranged', { time: due }),
        phrase('confirm.ask'),
      ],
      choices: satisfactionChoices,
    }],
  };
}
