import type { CaseStatus } from '../ports/case-register.ts';
import type { Category } from '../taxonomy.ts';

/** The promises a case can break, as the ledger's `deadline` entries name them when missed. */
export type PromiseKind = 'first_response' | 'promised_action' | 'resolution';

/** One responsible party's cost share of a closed case, in the policy's currency. */
export interface CostBorne {
  party: string;
  cost: number;
}

/** What reports read of one case: a slim projection, cheap to fetch by the hundred thousand. */
export interface ReportCase {
  id: string;
  category: Category;
  /** `facts.tour`, trimmed and upper-cased; null when the traveller named none. */
  tour: string | null;
  status: CaseStatus;
  openedAt: Date;
  /** The steps include `handoff`: a person took over from the bot. */
  handedOff: boolean;
  /** The total of the offer the traveller accepted; null when none was, or its total is open. */
  acceptedTotal: number | null;
  /** Who staff found responsible when closing, with their cost shares; empty while not closed. */
  responsible: CostBorne[];
  /** The promises missed in this case, each kind once (ledger `deadline` entries with `missed`). */
  missed: PromiseKind[];
}

/** What reports read: the cases opened in `[from, until)`, oldest first. Memory, PGlite or PostgreSQL. */
export interface ReportSource {
  casesOpened(from: Date, until: Date): Promise<ReportCase[]>;
}

/** A survey answer as reports use it; the lead feeds these from the survey store. */
export interface SurveyScore {
  at: Date;
  /** 1 to 5; 4 and up counts as satisfied. */
  score: number;
  /** Which question (e.g. overall, guide, hotel). */
  part: string;
}

/** The survey answers given in `[from, until)`. */
/** A suggestion or praise left without a complaint (意见征询单 / 顾客意见簿). */
export interface FeedbackLeft {
  at: Date;
  kind: 'suggestion' | 'praise';
}

export interface SurveyScores {
  scoresBetween(from: Date, until: Date): Promise<SurveyScore[]>;
  feedbackBetween(from: Date, until: Date): Promise<FeedbackLeft[]>;
}
