import type { Money } from '../money.ts';
import type { Departure } from '../ports/guide-registry.ts';
import type { IncidentType } from '../ports/incident-register.ts';
import type { SurveyQuestion } from '../ports/survey-store.ts';
import type { Understood } from '../ports/understanding.ts';
import type { Category, Flag, Locale, Problem, Severity } from '../taxonomy.ts';
import type { FactName, NumberFact } from '../policy/facts.ts';
import type { TripType } from '../policy/notice-schedules.ts';
import type { OfferOption } from '../policy/offer.ts';
import type { Situation } from '../policy/situations.ts';
import type { Attachment, Channel, Choice, InboundMessage, OutboundMessage, SenderRole, StepId } from './messages.ts';
import { conversationKey } from './messages.ts';

/** The facts a complaint collects while listening; `asked` keeps each question to once. */
export interface ComplaintFacts {
  /** The traveller's own words, each telling in order. */
  telling: string[];
  category: Category | null;
  also: Category[];
  problems: Problem[];
  severity: Severity;
  flags: Flag[];
  /** A tour code or order number, or the traveller's words when they gave neither. */
  tour: string | null;
  /** An ISO date, or the traveller's words. */
  when: string | null;
  people: number | null;
  wants: Wants | null;
  amounts: Money[];
  /** The figures the policy needs, as the traveller gave them (unchecked until staff verify). */
  figures: Figures;
  /** Figures the traveller could not give: staff find them out. */
  unknownFigures: FactName[];
  attachments: Attachment[];
  /** ISO codes of the countries named so far, in the order named: where to send help. */
  countries: string[];
  /** Questions asked so far, each at most once (but `what`, which the case cannot do without). */
  asked: FactQuestion[];
  /** The question the last reply asked, if any. */
  awaiting: FactQuestion | null;
}

/** What the traveller wants: one of the usual answers, or their own words. */
export type Wants = { kind: 'compensation' | 'fix' | 'apology' } | { words: string };

/** The facts asked for, the figures the policy needs, and the open questions: what was wrong in a restatement, and what would be fair. */
export type FactQuestion = 'what' | 'tour' | 'when' | 'people' | 'wants' | 'correction' | 'preference' | `figure:${FactName}`;

/** Sums (in the policy's currency) and counts by fact name, and whether the tour went abroad. */
export interface Figures {
  numbers: Partial<Record<NumberFact, number>>;
  tripType: TripType | null;
}

/** The offer made in this complaint: one remedy per situation, parts that add up to one total. */
export interface OfferMade {
  situations: Situation[];
  options: (OfferOption & { situation: Situation | null })[];
  /** null while an amount waits for staff. */
  total: number | null;
  needsApproval: boolean;
  policyVersion: string;
}

export interface Handoff {
  reason: 'asked_for_person' | 'safety' | 'external_threat' | 'not_satisfied' | 'remedy_refused';
  /** ISO time by which a person answers. */
  dueAt: string;
}

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
  attachments: Attachment[];
}

/** Everything the engine keeps about one conversation between turns. */
export interface ConversationState {
  key: string;
  channel: Channel;
  conversationId: string;
  senderId: string;
  role: SenderRole;
  locale: Locale | null;
  flow: 'complaint';
  step: StepId;
  /** `human` while staff have the conversation: the bot stays silent. */
  mode: 'bot' | 'human';
  facts: ComplaintFacts;
  /** Increments with each new complaint in one conversation; keys the case's idempotency. */
  complaintNo: number;
  caseId: string | null;
  offer: OfferMade | null;
  handoff: Handoff | null;
  /** Choices last offered, so a typed number can pick one (WeChat shows them numbered). */
  offered: Choice[];
  /** The channel's guess at the traveller's language, used until they write. */
  localeHint: Locale | null;
  /** Messages of a burst not yet handled as one telling. */
  pending: { texts: string[]; attachments: Attachment[]; lastAt: number } | null;
  /** Replies of the last committed turn not yet delivered: a crash between commit and send leaves them here. */
  outbox: OutboundMessage[];
  /** Ids of the last messages whose turns were committed, so a redo after a crash does not run them twice. */
  handled: string[];
  /** Method steps this complaint has been through, in order. */
  trail: StepId[];
  /** Bot turns so far. */
  turn: number;
  /** The guide whose chat account this is (`role` is then `guide`); null for travellers. */
  guideId: string | null;
  /** Whether the guide registry was asked if the account is a guide's: once per conversation. */
  accountChecked: boolean;
  /** The incident report a guide is giving, if any. */
  report: ReportDraft | null;
  /** Increments with each incident report in one conversation; keys the incident's idempotency. */
  reportNo: number;
  /** A group settlement offered to this traveller and not yet answered. */
  settlement: SettlementOffer | null;
  /** A satisfaction survey under way. */
  survey: SurveyUnderWay | null;
  /** The day-after-return greeting sent to this traveller and not yet answered. */
  greeting: GreetingSent | null;
  /** A message held while the traveller answers a question about it (is anyone in danger? what is it for?). */
  held: HeldTelling | null;
}

/** A telling held back for a moment, as it was read, and the question asked about it. */
export interface HeldTelling {
  question: 'safety' | 'intent';
  text: string;
  attachments: Attachment[];
  understood: Understood;
}

/** The agency asked a traveller back from a departure how it was. */
export interface GreetingSent {
  departure: Departure;
  /** ISO time it was sent. */
  sentAt: string;
}

/** A satisfaction survey being asked, one question at a time. */
export interface SurveyUnderWay {
  /** The case number, or the trip and conversation it asks about. */
  id: string;
  /** The case surveyed; null for a trip. */
  caseId: string | null;
  /** The questions still to ask; the first is the one asked now (answered while its choices are on offer). */
  questions: SurveyQuestion[];
  /** Whether a low score was heard already: the case goes to a supervisor once. */
  lowHeard: boolean;
}

/** One settlement for every traveller of a group complaint; accepting early earns the policy's bonus. */
export interface SettlementOffer {
  incidentId: string;
  /** The traveller's own case, which the ledger records the answer under. */
  caseId: string | null;
  amount: number;
  /** ISO time it was offered, from which the early-acceptance tiers count. */
  offeredAt: string;
}

export const emptyFacts = (): ComplaintFacts => ({
  telling: [], category: null, also: [], problems: [], severity: 'low', flags: [],
  tour: null, when: null, people: null, wants: null, amounts: [],
  figures: { numbers: {}, tripType: null }, unknownFigures: [], attachments: [], countries: [], asked: [], awaiting: null,
});

/** What every new conversation starts with, beyond who it is with. */
const startingState = () => ({
  locale: null,
  flow: 'complaint' as const,
  step: 'listen' as const,
  mode: 'bot' as const,
  facts: emptyFacts(),
  complaintNo: 1,
  caseId: null,
  offer: null,
  handoff: null,
  offered: [],
  localeHint: null,
  pending: null,
  outbox: [],
  handled: [],
  trail: [],
  turn: 0,
  guideId: null,
  accountChecked: false,
  report: null,
  reportNo: 1,
  settlement: null,
  survey: null,
  greeting: null,
  held: null,
});

export function newConversation(message: InboundMessage): ConversationState {
  return {
    ...startingState(),
    key: conversationKey(message),
    channel: message.channel,
    conversationId: message.conversationId,
    senderId: message.senderId,
    role: message.senderRole,
    localeHint: message.localeHint ?? null,
  };
}

/**
 * A state as stored, possibly by an older tripcare (states live for weeks in Redis):
 * fields added since are filled with what a new conversation starts with.
 */
export function upgradeState(stored: ConversationState): ConversationState {
  const facts = emptyFacts();
  return {
    ...startingState(),
    ...stored,
    facts: { ...facts, ...stored.facts, figures: { ...facts.figures, ...stored.facts?.figures } },
  };
}

/** A traveller who has not written yet is written to in the language the agency has on record for them. */
export const inRecordedLocale = (state: ConversationState, locale: Locale | null): ConversationState =>
  state.locale || !locale ? state : { ...state, locale };
