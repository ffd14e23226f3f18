import type { Money } from '../money.ts';
import type { Category, Emergency, Flag, Intent, Language, Problem, Severity } from '../taxonomy.ts';

/** What a figure in a complaint stands for: the facts the compensation rules need. */
export const figureRoles = [
  'fee', 'priceDifference', 'missedItemsCost', 'extrasCost', 'purchasePrice', 'surcharge', 'directLoss', 'suspendedCosts',
  'noticeDays', 'occurrences', 'unticketedAttractions',
] as const;
export type FigureRole = (typeof figureRoles)[number];

/** A number the traveller gave, with what it is for when the words around it say so. */
export interface Figure {
  role: FigureRole | null;
  value: number;
  /** ISO 4217 for a sum of money; null for a count, or a sum whose currency was not said. */
  currency: string | null;
  money: boolean;
  /** "each", "每人": the sum is per traveller. */
  perPerson: boolean;
  /** "about", "大概", "300左右", "300多". */
  approx: boolean;
  /** "so 360 for us both", "= 1,200", "两晚就400": the result the traveller worked out, not a part of it. */
  total: boolean;
  /** "we paid 1,120", "交了3000": a sum paid, with no word of what for (the fee, unless the complaint is about another sum). */
  paid: boolean;
}

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
  /** Sums and counts, each with what it is for when the words around it say so (a tour fee, shopping stops…). */
  figures: Figure[];
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
  /** The message puts right something said before, or changes the traveller's mind. */
  corrects: boolean;
  /** What the traveller says they want, when they say it; an apology alone wins over money words. */
  wants: 'apology' | 'compensation' | 'fix' | null;
  /** A plain yes, no, or "I don't know", as an answer to a question; null for anything else. */
  reply: 'yes' | 'no' | 'unknown' | null;
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
