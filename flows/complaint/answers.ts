import type { ComplaintFacts } from '../../src/conversation/state.ts';
import type { AgencyPolicy } from '../../src/policy/agency-policy.ts';
import { justMe, namesTime, namesTour, statesWant } from '../../src/understanding/rules/answer-words.ts';
import type { TurnInput } from '../types.ts';
import type { Heard } from './facts.ts';
import { figureAsked, takeFigureAnswer } from './figures.ts';

const MAX_WORDS_ANSWER = 60;
/** Free words naming a tour or a time are short; a longer message is a telling, not the answer. */
const MAX_NAMING = 30;

/**
 * The traveller's words as the answer to the question asked, if they fit it. An answer that fits
 * another question lands where it belongs (the facts already have it) and this one stays open;
 * "I don't know" closes it.
 */
export function answerAwaited(facts: ComplaintFacts, told: ComplaintFacts, input: TurnInput, from: number, policy: AgencyPolicy): Heard {
  const asked = told.awaiting;
  if (asked === null || asked === 'what' || asked === 'correction' || asked === 'preference') return { facts, fits: true };
  const u = input.understood;
  const words = input.text.trim();
  const unknown = u.reply === 'unknown' || input.choice === 'skip';
  const plainWords = words.length > 0 && words.length <= MAX_WORDS_ANSWER && u.language !== null && u.reply === null;
  // What happened, told while a question waits, is not the answer to it (导游临时改了行程 names no tour).
  const naming = plainWords && Array.from(words).length <= MAX_NAMING && facts.telling.length === told.telling.length;
  const gotHere = <K extends 'tour' | 'when' | 'people' | 'wants'>(key: K) => facts[key] !== told[key] && facts[key]?.from === from;

  switch (asked) {
    case 'tour':
      if (gotHere('tour') || unknown) return { facts, fits: true };
      if (naming && namesTour(words) && facts.when?.from !== from) return { facts: { ...facts, tour: { value: words, from, sure: true } }, fits: true };
      return { facts, fits: false };
    case 'when':
      if (gotHere('when') || unknown) return { facts, fits: true };
      if (naming && namesTime(words)) return { facts: { ...facts, when: { value: words, from, sure: true } }, fits: true };
      return { facts, fits: false };
    case 'people': {
      if (gotHere('people') || unknown) return { facts, fits: true };
      const count = input.choice === 'people:1' || justMe(words) ? 1 : /^\d{1,3}$/.test(words) ? Number(words) : null;
      return count !== null && count > 0 ? { facts: { ...facts, people: { value: count, from, sure: true } }, fits: true } : { facts, fits: false };
    }
    case 'wants': {
      const kind = input.choice?.startsWith('wants:') ? input.choice.slice('wants:'.length) : null;
      if (kind === 'compensation' || kind === 'fix' || kind === 'apology') return { facts: { ...facts, wants: { value: { kind }, from: -1, sure: true } }, fits: true };
      if (gotHere('wants') || unknown) return { facts, fits: true };
      // Their own words, unless the words answer something else (a tour code, a date, a sum) or tell what happened.
      const elsewhere = facts.tour?.from === from || facts.when?.from === from || u.entities.figures.some((f) => f.money || f.role !== null);
      const wanting = statesWant(words) || facts.telling.length === told.telling.length;
      return plainWords && !elsewhere && wanting ? { facts: { ...facts, wants: { value: { words }, from, sure: true } }, fits: true } : { facts, fits: false };
    }
    default: {
      const name = figureAsked(asked);
      return name ? takeFigureAnswer(facts, name, input, from, unknown, policy) : { facts, fits: true };
    }
  }
}
