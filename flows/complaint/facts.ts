import type { ComplaintFacts, FactQuestion, Slot } from '../../src/conversation/state.ts';
import type { AgencyPolicy } from '../../src/policy/agency-policy.ts';
import { severities } from '../../src/taxonomy.ts';
import type { Flag, Severity } from '../../src/taxonomy.ts';
import type { TurnInput } from '../types.ts';
import { answerAwaited } from './answers.ts';
import { figuresTold, fitToSituations } from './figures.ts';
import type { FigureDoubt } from './figures.ts';

const questionOrder = ['what', 'tour', 'when', 'people', 'wants'] as const;
export type FactAsked = (typeof questionOrder)[number];

/** Below this intent confidence, a message of at most `shortMessage` characters adds no problem. */
const unsureReading = 0.5;
const shortMessage = 60;

/** Below this many characters an unlabelled message is chatter, not a telling. */
const minTellingLength = 12;

export const maxSeverity = (a: Severity, b: Severity): Severity =>
  severities.indexOf(a) >= severities.indexOf(b) ? a : b;

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

/** Intents that tell nothing of what went wrong: thanks, praise, a status question, a request for a person. */
const tellsNothing = new Set(['done', 'praise', 'status_query', 'wants_human']);

/** Questions whose answer is a telling, whatever it reads like: what happened, and what was wrong in a restatement. */
const askedToTell: ReadonlySet<FactQuestion | null> = new Set(['what', 'correction']);

/** Flags that count from any message, told or answered. */
const raisedByAnyMessage: ReadonlySet<Flag> = new Set(['wants_human', 'threatens_external', 'wants_compensation']);

/** True when the message says something happened, rather than hello, yes or an answer. */
export function isTelling(input: TurnInput, awaiting: FactQuestion | null): boolean {
  const u = input.understood;
  if (u.language === null) return false; // emoji or digits alone tell nothing yet
  if (u.intent === 'complaint' || u.category !== 'other' || u.problems.length > 0) return true;
  if (askedToTell.has(awaiting) && u.reply === null && input.text.length > 0) return true;
  if (u.reply !== null || tellsNothing.has(u.intent)) return false;
  return awaiting === 'what' ? input.text.length > 0 : input.text.length >= minTellingLength;
}

/**
 * A value read from a message into a slot: a slot keeps its first value, unless this message
 * corrects it, answers the question about it, or the slot was unsure.
 */
export function fill<T>(slot: Slot<T> | null, value: T | null, from: number, overrides: boolean, sure = true): Slot<T> | null {
  if (value === null) return slot;
  if (slot && slot.sure && !overrides) return slot;
  return { value, from, sure };
}

/** What one message changes in the facts, and whether it answered the question asked. */
export interface Heard {
  facts: ComplaintFacts;
  /** The question asked was answered (or none was asked). */
  fits: boolean;
  /** The message told something new: what happened, or a fact of the case. */
  learned?: boolean;
  /** A figure given that cannot be right as it stands, to ask about again. */
  doubt?: FigureDoubt;
}

/**
 * Takes one message in: every fact it gives lands in its slot with the message it came from,
 * every problem it names joins the case's problems; a correction replaces what it names anew, and
 * an answer is checked against the question before it is kept.
 */
export function hear(told: ComplaintFacts, input: TurnInput, policy: AgencyPolicy): Heard {
  const u = input.understood;
  const e = u.entities;
  const from = told.said.length;
  const correcting = told.awaiting === 'correction' || u.corrects;
  const facts: ComplaintFacts = {
    ...told,
    said: input.text ? [...told.said, input.text] : told.said,
    attachments: [...told.attachments, ...input.attachments],
  };

  const telling = isTelling(input, told.awaiting);
  if (telling) {
    facts.telling = [...told.telling, input.text];
    const about = u.category === 'other' ? u.topic : u.category;
    // A correction that names another topic puts it in place of the one understood.
    const replaced = correcting && about !== 'other' && about !== told.category;
    const primary = replaced || told.category === null || told.category === 'other' ? about : told.category;
    facts.category = primary;
    facts.also = union(replaced ? [] : told.also, [about, ...u.also]).filter((c) => c !== primary && c !== 'other');
    // A short message the model barely reads as a complaint ("I'd like that refunded") names no new problem.
    const problems = u.confidence.intent >= unsureReading || input.text.length > shortMessage ? u.problems : [];
    facts.problems = replaced && problems.length > 0 ? problems : union(told.problems, problems);
  }
  // A telling can raise the stakes; so can any message asking for a person or naming the regulator.
  // A bare answer ("yesterday", "2") says nothing of how serious things are.
  facts.severity = telling ? maxSeverity(told.severity, u.severity) : told.severity;
  facts.flags = union(told.flags, telling ? u.flags : u.flags.filter((f) => raisedByAnyMessage.has(f)));
  facts.amounts = [...told.amounts, ...e.amounts];
  facts.countries = union(told.countries, e.countries);

  const asks = (q: FactQuestion) => told.awaiting === q;
  facts.tour = fill(facts.tour, e.tourCodes[0] ?? e.orderNumbers[0] ?? null, from, correcting || asks('tour'));
  facts.when = fill(facts.when, e.dates[0] ?? null, from, correcting || asks('when'));
  facts.people = fill(facts.people, e.people, from, correcting || asks('people'));
  const wants = u.wants ?? (u.flags.includes('wants_compensation') ? 'compensation' : null);
  facts.wants = fill(facts.wants, wants ? { kind: wants } : null, from, correcting || asks('wants'));
  facts.figures = figuresTold(facts, u.entities.figures, from, correcting, policy);
  facts.figures = fitToSituations(facts, u.entities.figures, from, policy);

  const heard = answerAwaited(facts, told, input, from, policy);
  return { ...heard, learned: telling || newFacts(heard.facts, from) };
}

/** Whether any slot or figure took its value from message `from`. */
function newFacts(facts: ComplaintFacts, from: number): boolean {
  const slots = [facts.tour, facts.when, facts.people, facts.wants, facts.tripType, ...Object.values(facts.figures)];
  return slots.some((slot) => slot?.from === from);
}

/** The next fact to ask for: missing (or unsure) and not asked before. `what` is asked until told. */
export function nextQuestion(facts: ComplaintFacts): FactAsked | null {
  if (facts.awaiting === 'correction' && facts.category !== null) return null;
  const known: Record<FactAsked, boolean> = {
    what: facts.category !== null,
    tour: facts.tour?.sure ?? false,
    when: facts.when?.sure ?? false,
    people: facts.people?.sure ?? false,
    wants: facts.wants?.sure ?? false,
  };
  return questionOrder.find((q) => !known[q] && (q === 'what' || !facts.asked.includes(q))) ?? null;
}
