import type { Money } from '../money.ts';
import type { Category, Emergency, Flag, Intent, Language, Problem, Severity } from '../taxonomy.ts';

/**
 * What a message names. `phones` and `idNumbers` (ID cards and passports) are
 * personal data: they may be stored with the case but never logged.
 */
export interface Entities {
  /** Our own case numbers quoted (`TC-7K3M9Q`). */
  caseNumbers: string[];
  tourCodes: string[];
  orderNumbers: string[];
  /** ISO dates (yyyy-mm-dd); relative words ("yesterday", 昨天) resolved against `now`. */
  dates: string[];
  amounts: Money[];
  /** How many travellers are affected, when the message says so. */
  people: number | null;
  phones: string[];
  idNumbers: string[];
  /** ISO 3166 codes of the countries the places named are in, in the order named. */
  countries: string[];
}

/**
 * Danger happening now, as the safety net reads it. `certain`: guidance first and a person paged;
 * `ask`: the first reply is one short safety question; `none`: no sign of danger now.
 */
export interface Danger {
  level: 'none' | 'ask' | 'certain';
  /** What kind of danger, when there is any. */
  kind: Emergency | null;
}

/** How sure the reading is of each label it chose: calibrated probabilities, 0–1. */
export interface Confidence {
  intent: number;
  category: number;
  severity: number;
}

export interface Understood {
  /** null when the text has no readable language (emoji only, digits) or one we do not support. */
  language: Language | null;
  /** True when the text is in a language we do not support (Japanese, Korean, French…). */
  unsupportedLanguage: boolean;
  /** What the message complains of, suggests or asks about; `other` for every other intent (TAXONOMY.md). */
  category: Category;
  /**
   * What the message is about whatever it is for: a telling misread as praise in the middle of a
   * complaint still names the guide. Flows use it where the conversation says the message is a telling.
   */
  topic: Category;
  also: Category[];
  problems: Problem[];
  severity: Severity;
  flags: Flag[];
  /** What the message is for (TAXONOMY.md). */
  intent: Intent;
  confidence: Confidence;
  /** The readings within reach, most likely first (the chosen one included): what to offer when asking rather than guessing. */
  likely: { intents: Intent[]; categories: Category[] };
  /** A plain yes or no, as an answer to a yes-no question; null for anything else. */
  reply: 'yes' | 'no' | null;
  /** Danger happening now, as the safety net reads it. */
  danger: Danger;
  entities: Entities;
}

export interface UnderstandOptions {
  /** Resolves relative dates. */
  now: Date;
  /** IANA zone the traveller's "today" is in. */
  timeZone: string;
}

/** Turns one traveller text into labels and entities: the learned model offline, or an LLM over it. */
export interface Understanding {
  understand(text: string, options: UnderstandOptions): Promise<Understood>;
}
