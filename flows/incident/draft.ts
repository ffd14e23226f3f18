import type { Attachment } from '../../src/conversation/messages.ts';
import type { ConversationState, ReportDraft } from '../../src/conversation/state.ts';
import type { IncidentDraft } from '../../src/ports/incident-register.ts';
import type { TurnInput } from '../types.ts';

/** Words that only open the conversation say nothing about the incident. */
const small = new Set(['other', 'done', 'praise']);

/** Words typed in place of a choice: kept with the report, as the guide's own account. */
export const aside = (report: ReportDraft, input: TurnInput): string[] =>
  input.choice === null && input.text ? [...report.telling, input.text] : report.telling;

/**
 * A report begun by the guide's message, which is kept. A message the safety net is sure is critical
 * skips the severity question: in an emergency every question less counts.
 */
export function newReport(input: TurnInput): ReportDraft {
  const opening = small.has(input.understood.intent) ? [] : [input.text].filter(Boolean);
  return {
    awaiting: 'type', type: null, severity: input.understood.danger.level === 'certain' ? 'critical' : null,
    departure: null, location: null, telling: opening, attachments: [],
  };
}

/** Keeps what the guide sent at any step: a shared location is where it happened, anything else evidence. */
export function keepAttachments(report: ReportDraft, attachments: Attachment[]): ReportDraft {
  const shared = attachments.findLast((a) => a.kind === 'location');
  return {
    ...report,
    location: shared?.ref ?? report.location,
    attachments: [...report.attachments, ...attachments.filter((a) => a.kind !== 'location')],
  };
}

/** The incident as the register keeps it. Every question is asked before the summary, so the defaults never show. */
export function incidentDraft(state: ConversationState, report: ReportDraft): IncidentDraft {
  return {
    kind: 'report',
    departure: report.departure,
    type: report.type ?? 'other',
    category: null,
    severity: report.severity ?? 'medium',
    location: report.location,
    description: report.telling.join('\n'),
    attachments: report.attachments,
    reportedBy: state.guide.guideId,
  };
}
