import type { Money } from '../money.ts';
import type { Category, Flag, Language, Problem, Severity } from '../taxonomy.ts';

/**
 * What a message names. `phones` and `idNumbers` (ID cards and passports) are
 * personal data: they may be stored with the case but never logged.
 */
export interface Entities {
  tourCodes: string[];
  orderNumbers: string[];
  /** ISO dates (yyyy-mm-dd); relative words ("yesterday", 昨天) resolved against `now`. */
  dates: string[];
  amounts: Money[];
  /** How many travellers are affected, when the message says so. */
  people: number | null;
  phones: string[];
  idNumbers: string[];
}

/** What the traveller is doing with this message, as far as the flow cares. */
export type Intent =
  | 'complaint' // describes a problem
  | 'rights_question' // asks what one is entitled to, without complaining (权益咨询)
  | 'affirm' // yes / right / 对
  | 'deny' // no / not right / 不对
  | 'greeting'
  | 'thanks'
  | 'unknown'; // anything else: answers to questions, chatter

export interface Understood {
  /** null when the text has no readable language (emoji only, digits) or one we do not support. */
  language: Language | null;
  /** True when the text is in a language we do not support (Japanese, Korean, French…). */
  unsupportedLanguage: boolean;
  category: Category;
  also: Category[];
  problems: Problem[];
  severity: Severity;
  flags: Flag[];
  intent: Intent;
  entities: Entities;
}

export interface UnderstandOptions {
  /** Resolves relative dates. */
  now: Date;
  /** IANA zone the traveller's "today" is in. */
  timeZone: string;
}

/** Turns one traveller text into labels and entities. Rules offline; an LLM later, behind this port. */
export interface Understanding {
  understand(text: string, options: UnderstandOptions): Promise<Understood>;
}
