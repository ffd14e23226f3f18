import type { ComplaintFacts } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { MessageKey, Phrase } from '../../src/i18n/render.ts';

/** "the room was dirty, and there was no hot water", or the category when no finer problem is known. */
export function problemPhrase(facts: ComplaintFacts): Phrase {
  const labels = facts.problems.map((id) => phrase(`problem.${id}` as MessageKey));
  const [first, ...rest] = labels;
  if (!first) return phrase(`category.${facts.category ?? 'other'}` as MessageKey);
  const last = rest.pop();
  const head = rest.reduce((a, b) => phrase('list.more', { a, b }), first);
  return last ? phrase('list.two', { a: head, b: last }) : head;
}

/** The restatement, one line per known fact, ending with the question. */
export function restatement(facts: ComplaintFacts): Phrase[] {
  const lines: Phrase[] = [phrase('restate.intro'), phrase('restate.problem', { problem: problemPhrase(facts) })];
  if (facts.tour) lines.push(phrase('restate.tour', { tour: facts.tour }));
  if (facts.when) lines.push(phrase('restate.when', { when: facts.when }));
  if (facts.people !== null) lines.push(phrase(facts.people === 1 ? 'restate.people.one' : 'restate.people.many', { count: facts.people }));
  if (facts.wants) lines.push(phrase('restate.wants', { wants: wantsPhrase(facts.wants) }));
  lines.push(phrase('restate.ask'));
  return lines;
}

const wantsPhrase = (wants: NonNullable<ComplaintFacts['wants']>): Phrase | string =>
  'kind' in wants ? phrase(`wants.${wants.kind}`) : wants.words;
