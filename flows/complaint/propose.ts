import type { ConversationState } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { FlowContext, Reply, TurnResult } from '../types.ts';
import { problemPhrase } from './describe.ts';
import { figureQuestion, nextFigure, remediesFor } from './figures.ts';
import type { AskableFact } from './figures.ts';
import { makeOffer, offerLines } from './offer.ts';

export const offerChoices: NonNullable<Reply['choices']> = [
  { id: 'offer:accept', label: phrase('choice.accept_offer') },
  { id: 'offer:refuse', label: phrase('choice.refuse_offer') },
];

const figureChoices = (name: AskableFact): NonNullable<Reply['choices']> => [
  ...(name === 'tripType'
    ? [{ id: 'trip:domestic', label: phrase('choice.domestic') }, { id: 'trip:outbound', label: phrase('choice.outbound') }]
    : []),
  { id: 'skip', label: phrase('choice.dont_know') },
];

/** Step 3, apologise: specific to what happened and how serious it is. */
export function apology(state: ConversationState): Reply {
  return { step: 'apologise', lines: [phrase(`apologise.${state.facts.severity}`, { problem: problemPhrase(state.facts) })] };
}

/**
 * Step 4, propose: ask for the figures the policy still needs, one at a time,
 * then make the offer the policy decides, with the basis of each part in plain words.
 */
export async function propose(state: ConversationState, ctx: FlowContext, before: Reply[] = []): Promise<TurnResult> {
  const remedies = remediesFor(state.facts, ctx.policy);
  const figure = nextFigure(state.facts, remedies);
  if (figure) {
    const question = figureQuestion(figure);
    const facts = { ...state.facts, asked: [...state.facts.asked, question], awaiting: question };
    return {
      state: { ...state, step: 'propose', facts },
      replies: [...before, { step: 'propose', lines: [phrase(`ask.figure.${figure}`)], choices: figureChoices(figure) }],
    };
  }
  const offer = makeOffer(remedies, ctx.policy);
  const offered: ConversationState = { ...state, step: 'propose', offer, facts: { ...state.facts, awaiting: null } };
  const caseId = await ctx.fileCase(offered, 'open');
  await ctx.promise(caseId, 'offer', { ...offer });
  return {
    state: { ...offered, caseId },
    replies: [...before, { step: 'propose', lines: offerLines(offer, ctx.policy), choices: offerChoices }],
  };
}
