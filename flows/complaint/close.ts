import { newComplaint } from '../../src/conversation/complaint-slice.ts';
import type { ConversationState, OfferMade } from '../../src/conversation/state.ts';
import { withComplaint } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { Phrase } from '../../src/i18n/render.ts';
import type { FlowContext, TurnResult } from '../types.ts';
import { startSurvey } from '../survey/index.ts';

/** After a report, the next message opens a new complaint in the same conversation. */
export const nextComplaint = (state: ConversationState): ConversationState => ({ ...state, complaint: newComplaint(state.complaint.number + 1) });

/**
 * Steps 6 and 7: thank the traveller, then record the case with a number
 * they can quote; a serious case alerts a supervisor at once. Then the satisfaction survey.
 */
export async function closeCase(state: ConversationState, ctx: FlowContext, accepted: OfferMade | null): Promise<TurnResult> {
  const status = accepted?.needsApproval ? 'pending_approval' : 'resolved';
  const filed = withComplaint(state, { step: 'report', trail: [...state.complaint.trail, 'thank'] });
  const caseId = await ctx.fileCase(filed, status, accepted ? { accepted } : undefined);
  const serious = state.complaint.facts.severity === 'high' || state.complaint.facts.severity === 'critical';
  if (serious) {
    await ctx.enqueue('supervisor.alert', { conversationKey: state.key, caseId, severity: state.complaint.facts.severity }, {
      priority: 1, jobId: `supervisor:${caseId}`,
    });
  }
  const report: Phrase[] = [phrase('report.filed', { caseId })];
  if (serious) report.push(phrase('report.supervisor'));
  const survey = await startSurvey(withComplaint(filed, { caseId }), { about: 'case', caseId }, ctx);
  return {
    state: survey.state,
    replies: [
      { step: 'thank', lines: [phrase('thank.complaint')] },
      { step: 'report', lines: report },
      ...survey.replies,
    ],
  };
}
