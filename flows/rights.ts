import type { ConversationState } from '../src/conversation/state.ts';
import { phrase } from '../src/i18n/render.ts';
import type { Phrase } from '../src/i18n/render.ts';
import type { Understood } from '../src/ports/understanding.ts';
import { problems as problemsOf } from '../src/taxonomy.ts';
import type { FlowContext, Reply, TurnResult } from './types.ts';

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
export function answerRightsQuestion(state: ConversationState, u: Understood, ctx: FlowContext): TurnResult {
  // Asked about a topic but no one problem: every rule of the topic, rather than a guess at one.
  const asked = u.problems.length > 0 ? u.problems : problemsOf[u.category];
  const clauses = new Set(ctx.policy.situationsOf(u.category, asked)
    .flatMap((situation) => ctx.policy.remedy({ situation, unverified: [] }).options.map((o) => o.clause)));
  const lines: Phrase[] = clauses.size > 0
    ? [phrase('rights.intro'), ...[...clauses].map((clause) => phrase('rights.clause', { basis: ctx.policy.explain(clause) }))]
    : [phrase('rights.general')];
  lines.push(phrase('rights.offer'));
  return { state: { ...state, step: 'listen' }, replies: [{ step: 'listen', lines, choices: openComplaintChoices }] };
}

/** The traveller's answer to "would you like to open a complaint?". */
export function afterRightsAnswer(state: ConversationState, choice: string): TurnResult | null {
  if (choice === 'rights:complain') return { state, replies: [{ step: 'listen', lines: [phrase('ask.what')] }] };
  if (choice === 'rights:done') return { state, replies: [{ step: 'listen', lines: [phrase('rights.done')] }] };
  return null;
}
