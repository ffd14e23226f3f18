import { withComplaint } from '../src/conversation/state.ts';
import type { ConversationState } from '../src/conversation/state.ts';
import { phrase } from '../src/i18n/render.ts';
import type { Phrase } from '../src/i18n/render.ts';
import { tripTypeIn } from '../src/understanding/rules/answer-words.ts';
import { problems as problemsOf } from '../src/taxonomy.ts';
import { emptyFacts, figureNumbers } from '../src/conversation/complaint-slice.ts';
import { figuresTold } from './complaint/figures.ts';
import type { FlowContext, Reply, TurnInput, TurnResult } from './types.ts';

/** Would they like to open a complaint: offered after a rights answer, and when there is no case to ask about. */
export const openComplaintChoices: NonNullable<Reply['choices']> = [
  { id: 'rights:complain', label: phrase('choice.open_complaint') },
  { id: 'rights:done', label: phrase('choice.no_thanks') },
];

/**
 * 权益咨询: a traveller asks what they are entitled to, without complaining.
 * The answer comes from the same rules as offers, in plain words, and no case
 * is opened; they are offered to open one.
 */
export function answerRightsQuestion(state: ConversationState, input: TurnInput, ctx: FlowContext): TurnResult {
  const u = input.understood;
  // Asked about a topic but no one problem: every rule of the topic, rather than a guess at one. A
  // question is about something: when "other" is read first, the likeliest topic after it is the one.
  const read = u.category === 'other' ? u.topic : u.category;
  const topic = read === 'other' ? (u.likely.categories.find((c) => c !== 'other') ?? 'other') : read;
  const asked = u.problems.length > 0 ? u.problems : problemsOf[topic];
  const given = factsGiven(input, ctx);
  const lines: Phrase[] = [];
  const explained = new Set<string>();
  for (const situation of ctx.policy.situationsOf(topic, asked)) {
    const remedy = ctx.policy.remedy({ situation, ...given, unverified: [] });
    for (const clause of new Set(remedy.options.map((o) => o.clause))) {
      if (explained.has(clause)) continue;
      explained.add(clause);
      lines.push(phrase('rights.clause', { basis: ctx.policy.explain(clause) }));
    }
    // With the facts in the question, what the standard gives, part by part; without, the rule and its range above.
    if (remedy.floor === null || remedy.floor <= 0) continue;
    for (const o of remedy.options) {
      if (o.floor !== null && o.floor > 0) lines.push(phrase('rights.part', { label: o.label, amount: { amount: o.floor, currency: ctx.policy.currency } }));
    }
  }
  if (lines.length > 0) lines.unshift(phrase('rights.intro'));
  else lines.push(phrase('rights.general'));
  lines.push(phrase('rights.offer'));
  return { state: withComplaint(state, { step: 'listen' }), replies: [{ step: 'listen', lines, choices: openComplaintChoices }] };
}

/** The facts a rights question gives: its figures with their roles, and where the trip goes. */
function factsGiven(input: TurnInput, ctx: FlowContext) {
  const u = input.understood;
  const facts = { ...emptyFacts(), people: u.entities.people ? { value: u.entities.people, from: 0, sure: true } : null };
  const numbers = figureNumbers({ ...facts, figures: figuresTold(facts, u.entities.figures, 0, false, ctx.policy) });
  const abroad = u.entities.countries.some((c) => c !== 'CN');
  const tripType = tripTypeIn(input.text) ?? (abroad ? 'outbound' : u.entities.countries.includes('CN') ? 'domestic' : undefined);
  return { ...numbers, ...(tripType ? { tripType } : {}) };
}

/** The traveller's answer to "would you like to open a complaint?". */
export function afterRightsAnswer(state: ConversationState, choice: string): TurnResult | null {
  if (choice === 'rights:complain') return { state, replies: [{ step: 'listen', lines: [phrase('ask.what')] }] };
  if (choice === 'rights:done') return { state, replies: [{ step: 'listen', lines: [phrase('rights.done')] }] };
  return null;
}
