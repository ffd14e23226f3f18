import type { Departure } from '../ports/guide-registry.ts';
import type { SurveyQuestion } from '../ports/survey-store.ts';

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

/** What the agency asked a traveller after a trip or a case, owned by the greeting, survey and settlement flows. */
export interface AftercareSlice {
  /** The slice's shape; see migrations.ts. */
  v: 1;
  /** A group settlement offered to this traveller and not yet answered. */
  settlement: SettlementOffer | null;
  /** A satisfaction survey under way. */
  survey: SurveyUnderWay | null;
  /** The day-after-return greeting sent to this traveller and not yet answered. */
  greeting: GreetingSent | null;
  /** A suggestion or praise just left: what the traveller writes next may add to it. */
  feedback: 'suggestion' | 'praise' | null;
}

export const newAftercareSlice = (): AftercareSlice => ({ v: 1, settlement: null, survey: null, greeting: null, feedback: null });
