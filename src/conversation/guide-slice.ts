import type { Departure } from '../ports/guide-registry.ts';
import type { IncidentType } from '../ports/incident-register.ts';
import type { Attachment } from './messages.ts';
import type { Severity } from '../taxonomy.ts';

/** The questions of a guide's incident report, in the order they are asked; `tour_code` asks to type one. */
export const reportQuestions = ['type', 'severity', 'tour', 'tour_code', 'location', 'description', 'confirm'] as const;
export type ReportQuestion = (typeof reportQuestions)[number];

/** An incident report a guide is giving, one answer at a time. */
export interface ReportDraft {
  /** The question the last reply asked. */
  awaiting: ReportQuestion;
  type: IncidentType | null;
  severity: Severity | null;
  departure: Departure | null;
  /** Typed words, or `lat,lon` from a shared location; null when not given. */
  location: string | null;
  /** The guide's own words, in order: what they opened with, asides and the description. */
  telling: string[];
  /** Whether those words tell what happened, so the description need not be asked (absent in drafts stored before it). */
  described?: boolean;
  attachments: Attachment[];
}

/** A guide's side of the conversation, owned by the guide-binding and incident flows. */
export interface GuideSlice {
  /** The slice's shape; see migrations.ts. */
  v: 1;
  /** The guide whose chat account this is (the sender's role is then `guide`); null for travellers. */
  guideId: string | null;
  /** Whether the guide registry was asked if the account is a guide's: once per conversation. */
  accountChecked: boolean;
  /** The incident report a guide is giving, if any. */
  report: ReportDraft | null;
  /** Increments with each incident report in one conversation; keys the incident's idempotency. */
  reportNo: number;
}

export const newGuideSlice = (): GuideSlice => ({ v: 1, guideId: null, accountChecked: false, report: null, reportNo: 1 });
