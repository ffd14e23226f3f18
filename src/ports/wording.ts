import type { Locale } from '../taxonomy.ts';

/** The steps whose words may be rephrased: never offers, whose amounts come from policy. */
export type WordedStep = 'restate' | 'apologise';

export interface WordingRequest {
  step: WordedStep;
  locale: Locale;
  /** The collected facts (category, problems, tour, when, people, wants, severity) as plain lines in the locale. */
  facts: string[];
  /** What the bot would send: the locale's template, rendered. */
  template: string;
}

/**
 * Rephrases a reply so it reads less like a form. Null means: send the template.
 * Whatever comes back is checked before it is sent (see `check-wording.ts`).
 */
export interface Wording {
  word(request: WordingRequest): Promise<string | null>;
}
