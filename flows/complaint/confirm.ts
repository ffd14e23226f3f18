import type { ConversationState } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { RemedyOption } from '../../src/policy/types.ts';
import type { FlowContext, TurnResult } from '../types.ts';
import { priorityOf } from '../handoff.ts';
import { remedyPhrase } from './describe.ts';

export const satisfactionChoices = [
  { id: 'satisfied', label: phrase('choice.satisfied') },
  { id: 'not_satisfied', label: phrase('choice.not_satisfied') },
];

/**
 * Step 5, confirm: the plan, a concrete time for what a person must still do,
 * and whether the traveller is satisfied with it.
 */
export async function confirmPlan(state: ConversationState, option: RemedyOption, ctx: FlowContext): Promise<TurnResult> {
  const due = ctx.policy.responseDue(state.facts.severity, ctx.now);
  const chosen = { ...state, step: 'confirm' as const, proposal: [option] };
  const caseId = await ctx.fileCase(chosen, option.needsApproval ? 'pending_approval' : 'open', { accepted: option });
  await ctx.enqueue('case.action', { conversationKey: state.key, caseId, option, dueAt: due.toISOString() }, {
    priority: priorityOf[state.facts.severity], jobId: `action:${caseId}:${option.id}`,
  });
  const timeline = option.needsApproval ? 'confirm.approval' : `confirm.${option.kind}` as const;
  return {
    state: { ...chosen, caseId },
    replies: [{
      step: 'confirm',
      lines: [phrase('confirm.plan', { remedy: remedyPhrase(option) }), phrase(timeline, { time: due }), phrase('confirm.ask')],
      choices: satisfactionChoices,
    }],
  };
}
