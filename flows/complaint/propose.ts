import type { ConversationState } from '../../src/conversation/state.ts';
import { withComplaint } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { FlowContext, Reply, TurnResult } from '../types.ts';
import { problemPhrase } from './describe.ts';
import { figureQuestion, nextFigure, remediesFor } from './figures.ts';
import type { AskableFact, FigureDoubt } from './figures.ts';
import { satisfactionChoices } from './confirm.ts';
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
  return { step: 'apologise', lines: [phrase(`apologise.${state.complaint.facts.severity}`, { problem: problemPhrase(state.complaint.facts) })] };
}

/** Asks for one figure: again, with why, when the one given cannot be right. */
export function askFigure(state: ConversationState, figure: AskableFact, before: Reply[], doubt?: FigureDoubt): TurnResult {
  const question = figureQuestion(figure);
  const facts = { ...state.complaint.facts, asked: [...state.complaint.facts.asked, question], awaiting: question };
  const lines = doubt ? [phrase(`figure.doubt.${doubt}`), phrase(`ask.figure.${figure}`)] : [phrase(`ask.figure.${figure}`)];
  return { state: withComplaint(state, { step: 'propose', facts }), replies: [...before, { step: 'propose', lines, choices: figureChoices(figure) }] };
}

/**
 * Step 4, propose: ask for the figures the policy still needs, one at a time, then make the offer
 * the policy decides, with the basis of each part in plain words. A traveller who wants only an
 * apology gets one, and no money is pressed on them.
 */
export async function propose(state: ConversationState, ctx: FlowContext, before: Reply[] = []): Promise<TurnResult> {
  const { facts } = state.complaint;
  if (facts.wants?.value && 'kind' in facts.wants.value && facts.wants.value.kind === 'apology') return apologyOnly(state, ctx, before);
  const remedies = remediesFor(facts, ctx.policy);
  const figure = nextFigure(facts, remedies);
  if (figure) return askFigure(state, figure, before);
  const offer = makeOffer(remedies, ctx.policy);
  const offered = withComplaint(state, { step: 'propose', offer, facts: { ...facts, awaiting: null } });
  const caseId = await ctx.fileCase(offered, 'open');
  await ctx.promise(caseId, 'offer', { ...offer });
  return {
    state: withComplaint(offered, { caseId }),
    replies: [...before, { step: 'propose', lines: offerLines(offer, ctx.policy), choices: offerChoices }],
  };
}

/** The traveller asked for an apology alone: it is given, the case recorded, and what they could claim is still theirs. */
async function apologyOnly(state: ConversationState, ctx: FlowContext, before: Reply[]): Promise<TurnResult> {
  const confirmed = withComplaint(state, { step: 'confirm', offer: null, facts: { ...state.complaint.facts, awaiting: null } });
  const caseId = await ctx.fileCase(confirmed, 'open');
  return {
    state: withComplaint(confirmed, { caseId }),
    replies: [...before, { step: 'confirm', lines: [phrase('confirm.apology_only'), phrase('confirm.ask')], choices: satisfactionChoices }],
  };
}
