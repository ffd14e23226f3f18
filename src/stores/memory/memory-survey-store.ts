import type { FeedbackEntry, SurveyAnswer, SurveyStore } from '../../ports/survey-store.ts';

const byTime = (a: { at: Date }, b: { at: Date }) => a.at.getTime() - b.at.getTime();

/** The embedded survey store: gone when the process ends. */
export class MemorySurveyStore implements SurveyStore {
  readonly #answers = new Map<string, SurveyAnswer>();
  readonly #feedback = new Map<string, FeedbackEntry>();

  async record(answer: SurveyAnswer): Promise<void> {
    this.#answers.set(`${answer.surveyId}\n${answer.question}`, structuredClone(answer));
  }

  async answers(surveyId: string): Promise<SurveyAnswer[]> {
    return this.#sorted((a) => a.surveyId === surveyId);
  }

  async answersBetween(from: Date, until: Date): Promise<SurveyAnswer[]> {
    return this.#sorted((a) => a.at >= from && a.at < until);
  }

  /** Ordered as in SQL: by time, then by question name. */
  #sorted(keep: (a: SurveyAnswer) => boolean): SurveyAnswer[] {
    const found = [...this.#answers.values()].filter(keep);
    return structuredClone(found.sort((a, b) => byTime(a, b) || (a.question < b.question ? -1 : a.question > b.question ? 1 : 0)));
  }

  async addFeedback(entry: FeedbackEntry): Promise<void> {
    if (!this.#feedback.has(entry.id)) this.#feedback.set(entry.id, structuredClone(entry));
  }

  async feedback(conversationKey: string): Promise<FeedbackEntry[]> {
    return this.#feedbackWhere((f) => f.conversationKey === conversationKey);
  }

  async feedbackBetween(from: Date, until: Date): Promise<FeedbackEntry[]> {
    return this.#feedbackWhere((f) => f.at >= from && f.at < until);
  }

  /** Ordered as in SQL: by time, then by id. */
  #feedbackWhere(keep: (f: FeedbackEntry) => boolean): FeedbackEntry[] {
    return structuredClone([...this.#feedback.values()].filter(keep).sort((a, b) => byTime(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  }
}
