import { withComplaint, withGuide } from '../../src/conversation/state.ts';
import type { ConversationState, ReportDraft } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { FlowContext, TurnResult } from '../types.ts';
import { incidentDraft } from './draft.ts';
import { pageJob } from '../../src/incidents/paging.ts';

/** Severities the manager on duty is paged for, until someone acknowledges. */
const paged = new Set(['high', 'critical']);

/** The report is over: the guide's next message begins another. */
const reportDone = (state: ConversationState): ConversationState =>
  withComplaint(withGuide(state, { report: null, reportNo: state.guide.reportNo + 1 }), { step: 'incident' });

/** Opens the incident (once, however often the turn runs), pages for a serious one and gives the guide its number. */
export async function fileReport(state: ConversationState, report: ReportDraft, ctx: FlowContext): Promise<TurnResult> {
  const draft = incidentDraft(state, report);
  const incident = await ctx.openIncident(`${state.key}#report:${state.guide.reportNo}`, draft);
  const lines = [phrase('incident.filed', { incidentId: incident.id })];
  if (paged.has(draft.severity)) {
    await ctx.enqueue('incident.page', { incidentId: incident.id }, pageJob(incident.id, 0));
    lines.push(phrase('incident.paging'));
  }
  return { state: reportDone(state), replies: [{ step: 'incident', lines }] };
}

export const cancelReport = (state: ConversationState): TurnResult =>
  ({ state: reportDone(state), replies: [{ step: 'incident', lines: [phrase('incident.cancelled')] }] });
