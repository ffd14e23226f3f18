import type { ComplaintFacts, FigureSlot } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { MessageKey, Phrase } from '../../src/i18n/render.ts';
import type { NumberFact } from '../../src/policy/facts.ts';
import { moneyFacts } from '../../src/policy/facts.ts';

/** "the room was dirty, and there was no hot water", or the category when no finer problem is known. */
export function problemPhrase(facts: ComplaintFacts): Phrase {
  const labels = facts.problems.map((id) => phrase(`problem.${id}` as MessageKey));
  const [first, ...rest] = labels;
  if (!first) return phrase(`category.${facts.category ?? 'other'}` as MessageKey);
  const last = rest.pop();
  const head = rest.reduce((a, b) => phrase('list.more', { a, b }), first);
  return last ? phrase('list.two', { a: head, b: last }) : head;
}

const isMoney = (name: NumberFact): boolean => (moneyFacts as readonly string[]).includes(name);

/** A figure as the traveller can check it: "about ¥300", "¥12,320 (NT$56,000 as you said)", "2". */
function figureValue(name: NumberFact, slot: FigureSlot, currency: string): Phrase | number {
  if (!isMoney(name)) return slot.value;
  const amount = phrase('amount.fixed', { amount: { amount: slot.value, currency } });
  const converted = slot.stated && (slot.stated.currency !== currency || slot.stated.amount !== slot.value);
  const stated = slot.stated && converted ? phrase('amount.stated', { amount, stated: { amount: slot.stated.amount, currency: slot.stated.currency } }) : amount;
  return slot.approx ? phrase('amount.about', { amount: stated }) : stated;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The restatement, one line per known fact, figures included so they can be corrected, ending with the question. */
export function restatement(facts: ComplaintFacts, currency: string): Phrase[] {
  const lines: Phrase[] = [phrase('restate.intro'), phrase('restate.problem', { problem: problemPhrase(facts) })];
  if (facts.tour) lines.push(phrase('restate.tour', { tour: facts.tour.value }));
  if (facts.when) lines.push(phrase('restate.when', { when: isoDay.test(facts.when.value) ? { day: facts.when.value } : facts.when.value }));
  if (facts.people) lines.push(facts.people.value === 1 ? phrase('restate.people.one') : phrase('restate.people.many', { count: facts.people.value }));
  if (facts.tripType) lines.push(phrase(`restate.trip.${facts.tripType.value}`));
  for (const [name, slot] of Object.entries(facts.figures) as [NumberFact, FigureSlot][]) {
    lines.push(phrase(`restate.figure.${name}` as MessageKey, { value: figureValue(name, slot, currency) }));
  }
  if (facts.wants) lines.push(phrase('restate.wants', { wants: wantsPhrase(facts.wants.value) }));
  lines.push(phrase('restate.ask'));
  return lines;
}

const wantsPhrase = (wants: NonNullable<ComplaintFacts['wants']>['value']): Phrase | string =>
  'kind' in wants ? phrase(`wants.${wants.kind}`) : wants.words;
