import { localDate } from '../../src/clock/local-date.ts';
import { reportQuestions } from '../../src/conversation/guide-slice.ts';
import { withComplaint, withGuide } from '../../src/conversation/state.ts';
import type { ConversationState, ReportDraft, ReportQuestion } from '../../src/conversation/state.ts';
import { currentDeparture } from '../../src/guides/departures.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { Departure } from '../../src/ports/guide-registry.ts';
import { incidentTypes } from '../../src/ports/incident-register.ts';
import { severities } from '../../src/taxonomy.ts';
import type { FlowContext, Reply, TurnResult } from '../types.ts';
import { departureLabel, summaryReply } from './summary.ts';

const typeChoices = incidentTypes.map((t) => ({ id: `type:${t}`, label: phrase(`incident.type.${t}`) }));
const severityChoices = severities.map((s) => ({ id: `severity:${s}`, label: phrase(`incident.severity.${s}`) }));

/** The guide's runs and the agency's today, to tell which run they are on. */
export async function guideRuns(state: ConversationState, ctx: FlowContext): Promise<{ departures: Departure[]; today: string }> {
  const guide = state.guide.guideId ? await ctx.guide(state.guide.guideId) : undefined;
  return { departures: guide?.departures ?? [], today: localDate(ctx.now, ctx.timeZone) };
}

export async function guideDeparture(state: ConversationState, ctx: FlowContext): Promise<Departure | null> {
  const { departures, today } = await guideRuns(state, ctx);
  return currentDeparture(departures, today);
}

/** Whether the draft holds the answer already (the severity of a critical first message, a location shared early). */
function answered(report: ReportDraft, question: ReportQuestion): boolean {
  switch (question) {
    case 'type': return report.type !== null;
    case 'severity': return report.severity !== null;
    case 'tour':
    case 'tour_code': return report.departure !== null;
    case 'location': return report.location !== null;
    case 'description': return report.described ?? false;
    default: return false;
  }
}

/** Asks the first question after `after` the draft has no answer for: each comes once, in order, so a report never loops. */
export function askNext(state: ConversationState, report: ReportDraft, after: ReportQuestion | null, ctx: FlowContext): Promise<TurnResult> {
  const next = reportQuestions.slice(after === null ? 0 : reportQuestions.indexOf(after) + 1).find((q) => !answered(report, q));
  return ask(state, report, next ?? 'confirm', ctx);
}

export async function ask(state: ConversationState, report: ReportDraft, question: ReportQuestion, ctx: FlowContext): Promise<TurnResult> {
  const asking = (reply: Reply): TurnResult => ({ state: withComplaint(withGuide(state, { report: { ...report, awaiting: question } }), { step: 'incident' }), replies: [reply] });
  switch (question) {
    case 'type': return asking({ step: 'incident', lines: [phrase('incident.ask.type')], choices: typeChoices });
    case 'severity': return asking({ step: 'incident', lines: [phrase('incident.ask.severity')], choices: severityChoices });
    case 'tour': {
      const current = await guideDeparture(state, ctx);
      if (!current) return ask(state, report, 'tour_code', ctx);
      return asking({
        step: 'incident', lines: [phrase('incident.ask.tour')],
        choices: [{ id: 'tour:current', label: departureLabel(current) }, { id: 'tour:another', label: phrase('incident.choice.another_tour') }],
      });
    }
    case 'tour_code': return asking({ step: 'incident', lines: [phrase('incident.ask.tour_code')] });
    case 'location': return asking({ step: 'incident', lines: [phrase('incident.ask.location')], choices: [{ id: 'location:skip', label: phrase('incident.choice.skip') }] });
    case 'description': return asking({ step: 'incident', lines: [phrase('incident.ask.description')] });
    case 'confirm': return asking(summaryReply(state, report));
  }
}
