import type { ConversationState, OfferMade } from '../../src/conversation/state.ts';
import { emptyFacts } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { Phrase } from '../../src/i18n/render.ts';
import type { FlowContext, TurnResult } from '../types.ts';
import { startSurvey } from '../survey/index.ts';

/** After a report, the next message opens a new complaint in the same conversation. */
export const nextComplaint = (state: ConversationState): ConversationState => ({
  ...state, step: 'listen', facts: emptyFacts(), complaintNo: state.complaintNo + 1,
  caseId: null, offer: null, handoff: null, trail: [],
});

/**
 * Steps 6 and 7: thank the traveller, then record the case with a number
 * they can quote; a serious case alerts a supervisor at once. Then the satisfaction survey.
 */
export async function closeCase(state: ConversationState, ctx: FlowContext, accepted: OfferMade | null): Promise<TurnResult> {
  const status = accepted?.needsApproval ? 'pending_approval' : 'resolved';
  const filed: ConversationState = { ...state, step: 'report', trail: [...state.trail, 'thank'] };
  const caseId = await ctx.fileCase(filed, status, accepted ? { accepted } : undefined);
  const serious = state.facts.severity === 'high' || state.facts.severity === 'critical';
  if (serious) {
    await ctx.enqueue('supervisor.alert', { conversationKey: state.key, caseId, severity: state.facts.severity }, {
      priority: 1, jobId: `supervisor:${caseId}`,
    });
  }
  const suggestion = accepted === null && state.facts.category === 'other';
  const report: Phrase[] = [phrase('report.filed', { caseId })];
  if (serious) report.push(phrase('report.supervisor'));
  const survey = await startSurvey({ ...filed, caseId }, { about: 'case', caseId }, ctx);
  return {
    state: survey.state,
    replies: [
      { step: 'thank', lines: [phrase(suggestion ? 'thank.suggestion' : 'thank.complaint')] },
      { step: 'report', lines: report },
      ...survey.replies,
    ],
  };
}
