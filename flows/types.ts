import type { Attachment, StepId } from '../src/conversation/messages.ts';
import type { CaseRecord, CaseStatus } from '../src/ports/case-register.ts';
import type { JobName, JobOptions } from '../src/ports/job-queue.ts';
import type { Understood } from '../src/ports/understanding.ts';
import type { ConversationState } from '../src/conversation/state.ts';
import type { ChatAccount, Guide } from '../src/ports/guide-registry.ts';
import type { AffectedTraveller, Incident, IncidentDraft } from '../src/ports/incident-register.ts';
import type { Phrase } from '../src/i18n/render.ts';
import type { AgencyPolicy } from '../src/policy/agency-policy.ts';
import type { LedgerEntry, LedgerKind } from '../src/ports/promise-ledger.ts';
import type { FeedbackEntry, SurveyAnswer } from '../src/ports/survey-store.ts';
import type { Ticket } from '../src/ports/escalation-desk.ts';
import type { ServiceTimer } from './sla.ts';

/** One bot message as a flow writes it: phrases, not words, so every word comes from locales/. */
export interface Reply {
  step: StepId;
  lines: Phrase[];
  choices?: { id: string; label: Phrase }[];
  /** The choices offered before stay on offer (this reply is an aside, not a new question). */
  keepChoices?: boolean;
}

/** One telling of the traveller (a message, or a burst of them) as the flow sees it. */
export interface TurnInput {
  text: string;
  /** The id of the choice pressed, typed as its number, or typed as its label. */
  choice: string | null;
  attachments: Attachment[];
  understood: Understood;
}

/** What a flow may do besides replying. The engine implements it over the ports. */
export interface FlowContext {
  now: Date;
  /** The agency's zone, for its "today". */
  timeZone: string;
  policy: AgencyPolicy;
  /** The agency's 24-hour emergency line, when it has one. */
  emergencyPhone: string | null;
  /** Reads words anew: two messages held and told as one. */
  understand(text: string): Promise<Understood>;
  /** Files the conversation's current case (or updates it) and returns its case number. */
  fileCase(state: ConversationState, status: CaseStatus, outcome?: Record<string, unknown>): Promise<string>;
  enqueue(name: JobName, data: Record<string, unknown>, options?: JobOptions): Promise<void>;
  /** Where a case stands now; null when there is no such case. */
  caseStatus(caseId: string): Promise<CaseStatus | null>;
  /** Appends an offer, answer or deadline to the promise ledger, under the policy's version. */
  promise(caseId: string, kind: LedgerKind, payload: Record<string, unknown>): Promise<void>;
  /** Binds the account to the guide of a valid one-time code; undefined for a wrong, used or expired code. */
  redeemGuideCode(code: string, account: ChatAccount): Promise<Guide | undefined>;
  /** The guide an account is bound to; undefined for travellers. */
  guideFor(account: ChatAccount): Promise<Guide | undefined>;
  guide(id: string): Promise<Guide | undefined>;
  /** Opens an incident, or returns the one opened under `key` already; `affected` travellers are added to it. */
  openIncident(key: string, draft: IncidentDraft, affected?: AffectedTraveller[]): Promise<Incident>;
  /** A case of this conversation: by number, else its latest; undefined for none, or another conversation's. */
  ownCase(conversationKey: string, caseId: string | null): Promise<CaseRecord | undefined>;
  /** What the ledger holds of a case, and its desk ticket: where it stands and what was promised. */
  casePromises(caseId: string): Promise<{ ledger: LedgerEntry[]; ticket: Ticket | undefined }>;
  /** Keeps one survey answer at once, so a traveller who stops halfway still counts. */
  recordSurvey(answer: Omit<SurveyAnswer, 'at'>): Promise<void>;
  /** Keeps a suggestion or praise; it opens no case. */
  leaveFeedback(entry: Omit<FeedbackEntry, 'at'>): Promise<void>;
  /** Marks a closed case as with a person again (a low survey score); returns it as it now stands. */
  reopenCase(caseId: string): Promise<CaseRecord>;
}

export interface TurnResult {
  state: ConversationState;
  replies: Reply[];
}

export type Step = (state: ConversationState, input: TurnInput, ctx: FlowContext) => Promise<TurnResult>;

/** The conversation designs the engine runs. */
export interface Flows {
  /** One telling of the traveller. */
  turn: Step;
  /** A promised time has come; null when the promise was kept after all. */
  timerDue(state: ConversationState, timer: ServiceTimer, ctx: FlowContext): Promise<TurnResult | null>;
}
