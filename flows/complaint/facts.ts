import type { ComplaintFacts, FactQuestion } from '../../src/conversation/state.ts';
import { severities } from '../../src/taxonomy.ts';
import type { Flag, Severity } from '../../src/taxonomy.ts';
import type { TurnInput } from '../types.ts';

const questionOrder = ['what', 'tour', 'when', 'people', 'wants'] as const;
export type FactAsked = (typeof questionOrder)[number];

/** Below this many characters an unlabelled message is chatter, not a telling. */
const minTellingLength = 12;

export const maxSeverity = (a: Severity, b: Severity): Severity =>
  severities.indexOf(a) >= severities.indexOf(b) ? a : b;

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

/** Intents that tell nothing of what went wrong: hello, thanks, yes, a status question. */
const tellsNothing = new Set(['done', 'praise', 'status_query', 'wants_human']);

/** Flags that count from any message, told or answered. */
const raisedByAnyMessage: ReadonlySet<Flag> = new Set(['wants_human', 'threatens_external', 'wants_compensation']);

/** Questions whose answer is a telling, whatever it reads like: what happened, and what was wrong in the restatement. */
const askedToTell: ReadonlySet<FactQuestion | null> = new Set(['what', 'correction']);

/** True when the message says something happened, rather than hello, yes or an answer. */
export function isTelling(input: TurnInput, awaiting: FactQuestion | null): boolean {
  const u = input.understood;
  if (u.language === null) return false; // emoji or digits alone tell nothing yet
  if (u.intent === 'complaint' || u.category !== 'other' || u.problems.length > 0) return true;
  if (askedToTell.has(awaiting) && u.reply === null && input.text.length > 0) return true;
  if (u.reply !== null || tellsNothing.has(u.intent)) return false;
  return awaiting === 'what' ? input.text.length > 0 : input.text.length >= minTellingLength;
}

/** Folds one telling into the facts; answers to the question asked fill that fact. */
export function mergeFacts(told: ComplaintFacts, input: TurnInput): ComplaintFacts {
  const u = input.understood;
  const e = u.entities;
  const facts = told.awaiting === 'correction' ? clearCorrected(told, input) : told;
  const next: ComplaintFacts = { ...facts, attachments: [...facts.attachments, ...input.attachments] };

  const telling = isTelling(input, facts.awaiting);
  if (telling) {
    next.telling = [...facts.telling, input.text];
    const about = u.category === 'other' ? u.topic : u.category;
    const primary = facts.category === null || facts.category === 'other' ? about : facts.category;
    next.category = primary;
    next.also = union(facts.also, [about, ...u.also]).filter((c) => c !== primary && c !== 'other');
    next.problems = union(facts.problems, u.problems);
  }
  // A telling can raise the stakes; so can any message asking for a person or naming the regulator.
  // A bare answer ("yesterday", "2") says nothing of how serious things are.
  next.severity = telling ? maxSeverity(facts.severity, u.severity) : facts.severity;
  next.flags = union(facts.flags, telling ? u.flags : u.flags.filter((f) => raisedByAnyMessage.has(f)));
  next.tour ??= e.tourCodes[0] ?? e.orderNumbers[0] ?? null;
  next.when ??= e.dates[0] ?? null;
  next.people ??= e.people;
  next.amounts = [...facts.amounts, ...e.amounts];
  next.countries = union(facts.countries, e.countries);
  if (next.wants === null && u.flags.includes('wants_compensation')) next.wants = { kind: 'compensation' };
  return answerAwaited(next, input);
}

/** A correction replaces whatever it names anew. */
function clearCorrected(facts: ComplaintFacts, { understood: u }: TurnInput): ComplaintFacts {
  const e = u.entities;
  return {
    ...facts,
    category: u.topic === 'other' ? facts.category : null,
    also: u.topic === 'other' ? facts.also : [],
    problems: u.problems.length > 0 || u.topic !== 'other' ? [] : facts.problems,
    tour: e.tourCodes.length + e.orderNumbers.length > 0 ? null : facts.tour,
    when: e.dates.length > 0 ? null : facts.when,
    people: e.people === null ? facts.people : null,
  };
}

/** A plain answer to the question asked: a choice, a bare number, or the traveller's words. */
function answerAwaited(facts: ComplaintFacts, input: TurnInput): ComplaintFacts {
  const words = input.text.trim();
  const e = input.understood.entities;
  const namedSomething = e.tourCodes.length + e.orderNumbers.length + e.dates.length + e.amounts.length > 0 || e.people !== null;
  // Plain words answer the question; a telling, an emoji or a message that named other facts does not.
  const answersWithWords = words.length > 0 && input.understood.language !== null && !namedSomething && !isTelling(input, null);
  switch (facts.awaiting) {
    case 'tour':
      return { ...facts, tour: facts.tour ?? (answersWithWords ? words : null) };
    case 'when':
      return { ...facts, when: facts.when ?? (answersWithWords ? words : null) };
    case 'people': {
      const count = input.choice === 'people:1' ? 1 : /^\d{1,4}$/.test(words) ? Number(words) : null;
      return { ...facts, people: facts.people ?? count };
    }
    case 'wants': {
      const kind = input.choice?.startsWith('wants:') ? input.choice.slice('wants:'.length) : null;
      if (kind === 'compensation' || kind === 'fix' || kind === 'apology') return { ...facts, wants: { kind } };
      return { ...facts, wants: facts.wants ?? (words ? { words } : null) };
    }
    default:
      return facts;
  }
}

/** The next fact to ask for: missing and not asked before. `what` is asked until told. */
export function nextQuestion(facts: ComplaintFacts): FactAsked | null {
  if (facts.awaiting === 'correction' && facts.category !== null) return null;
  const known: Record<FactAsked, boolean> = {
    what: facts.category !== null,
    tour: facts.tour !== null,
    when: facts.when !== null,
    people: facts.people !== null,
    wants: facts.wants !== null,
  };
  return questionOrder.find((q) => !known[q] && (q === 'what' || !facts.asked.includes(q))) ?? null;
}
