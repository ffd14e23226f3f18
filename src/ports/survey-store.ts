/** What a survey asks: scores of 1–5 (the bot, the staff member, the remedy; or a trip and its guide), then a comment. */
export const surveyQuestions = ['bot', 'staff', 'remedy', 'trip', 'guide', 'comment'] as const;
export type SurveyQuestion = (typeof surveyQuestions)[number];

/** One answer, kept as it comes: a traveller who stops halfway still counts. */
export interface SurveyAnswer {
  /** One survey: the case number, or the trip and conversation it asks about. */
  surveyId: string;
  conversationKey: string;
  /** The case surveyed; null for a trip. */
  caseId: string | null;
  question: SurveyQuestion;
  /** 1–5; null for the comment. */
  score: number | null;
  /** The traveller's words for the comment; null for a score. */
  comment: string | null;
  at: Date;
}

/** A suggestion or praise (意见征询单 / 顾客意见簿), left without a complaint. */
export interface FeedbackEntry {
  /** Unique: recording the same id again (a redone turn) is a no-op. */
  id: string;
  conversationKey: string;
  kind: 'suggestion' | 'praise';
  text: string;
  at: Date;
}

/** Satisfaction surveys and travellers' suggestions and praise. Memory, PGlite or PostgreSQL. */
export interface SurveyStore {
  /** Keeps an answer; a question of a survey answered again (a redone turn) keeps the latest. */
  record(answer: SurveyAnswer): Promise<void>;
  /** A survey's answers, oldest first (at one instant, by question name). */
  answers(surveyId: string): Promise<SurveyAnswer[]>;
  /** Every answer given from `from` until before `until`, in the same order: for reports. */
  answersBetween(from: Date, until: Date): Promise<SurveyAnswer[]>;
  addFeedback(entry: FeedbackEntry): Promise<void>;
  /** A conversation's suggestions and praise, oldest first. */
  feedback(conversationKey: string): Promise<FeedbackEntry[]>;
  /** Every suggestion and praise left from `from` until before `until`, oldest first: for reports. */
  feedbackBetween(from: Date, until: Date): Promise<FeedbackEntry[]>;
}
