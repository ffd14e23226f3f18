import type { ConversationState } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { RemedyOption } from '../../src/policy/types.ts';
import type { FlowContext, Reply, TurnResult } from '../types.ts';
import { problemPhrase, remedyLabel, remedyPhrase } from './describe.ts';
import { closeCase } from './close.ts';

const isSuggestion = (state: ConversationState) =>
  state.facts.category === 'other' && state.facts.severity === 'low';

/** Steps 3 and 4: a specific apology, then the remedies the policy allows, each with its basis. */
export async function apologiseAndPropose(state: ConversationState, ctx: FlowContext): Promise<TurnResult> {
  if (isSuggestion(state)) return closeCase(state, ctx, null);
  const apology: Reply = {
    step: 'apologise',
    lines: [phrase(`apologise.${state.facts.severity}`, { problem: problemPhrase(state.facts) })],
  };
  const options = ctx.policy.propose({ ...state.facts, category: state.facts.category ?? 'other' }).options;
  const offer: Reply = {
    step: 'propose',
    lines: [phrase('propose.intro'), ...options.map((o, i) => phrase('propose.option', { n: i + 1, remedy: remedyPhrase(o) }))],
    choices: proposalChoices(options),
  };
  return { state: { ...state, step: 'propose', proposal: options }, replies: [apology, offer] };
}

export const proposalChoices = (options: RemedyOption[]): NonNullable<Reply['choices']> => [
  ...options.map((o) => ({ id: `remedy:${o.id}`, label: remedyLabel(o) })),
  { id: 'remedy:none', label: phrase('choice.none_of_these') },
];
