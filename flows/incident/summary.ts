import type { ConversationState, ReportDraft } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { Phrase } from '../../src/i18n/render.ts';
import type { Departure } from '../../src/ports/guide-registry.ts';
import type { Reply } from '../types.ts';
import { incidentDraft } from './draft.ts';

export const departureLabel = (d: Departure): Phrase => phrase('incident.departure', { tourCode: d.tourCode, date: d.date });

export const summaryChoices = [
  { id: 'report:confirm', label: phrase('incident.choice.send') },
  { id: 'report:cancel', label: phrase('incident.choice.cancel') },
];

/** The report as it will be sent, to confirm or cancel. */
export function summaryReply(state: ConversationState, report: ReportDraft): Reply {
  const draft = incidentDraft(state, report);
  const notGiven = phrase('incident.not_given');
  const lines: Phrase[] = [
    phrase('incident.summary.intro'),
    phrase('incident.summary.type', { type: phrase(`incident.type.${draft.type}`) }),
    phrase('incident.summary.severity', { severity: phrase(`incident.severity.${draft.severity}`) }),
    phrase('incident.summary.tour', { tour: draft.departure ? departureLabel(draft.departure) : notGiven }),
    phrase('incident.summary.location', { location: draft.location ?? notGiven }),
    phrase('incident.summary.description', { description: draft.description || notGiven }),
  ];
  if (draft.attachments.length > 0) lines.push(phrase('incident.summary.attachments', { count: draft.attachments.length }));
  return { step: 'incident', lines, choices: summaryChoices };
}
