import type { ConversationState } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { FlowContext, Step, TurnInput, TurnResult } from '../types.ts';
import { said } from '../said.ts';
import { handOff, handoffTrigger, whileWaiting } from '../handoff.ts';
import { afterRightsAnswer, answerRightsQuestion } from '../rights.ts';
import { closeCase, nextComplaint } from './close.ts';
import { confirmPlan, satisfactionChoices } from './confirm.ts';
import { mergeFacts } from './facts.ts';
import { listenStep } from './listen.ts';
import { acknowledgeMedia, onlyMedia } from './media.ts';
import { answerFigure } from './figures.ts';
import type { AskableFact } from './figures.ts';
import { apology, offerChoices, propose } from './propose.ts';
import { restateStep } from './restate.ts';

/** The complaint flow: listen → restate → apologise → propose → confirm → thank → report. */
export const complaintFlow: Step = async (current, input, ctx) => {
  const state = current.step === 'report' ? nextComplaint(current) : current;
  if (onlyMedia(input)) return acknowledgeMedia(state, input);
  if (state.step === 'handoff') return whileWaiting(state, input.text);
  // A preference asked for goes to a person anyway: whatever it says, it is the preference.
  if (state.facts.awaiting === 'preference') return answerProposal(state, input, ctx);
  // Asked what they would like us to do, a request for a call back is the answer, restated and kept with the case.
  const trigger = state.facts.awaiting === 'wants' && input.understood.intent !== 'wants_human' ? null : handoffTrigger(input.understood);
  if (trigger) return handOff({ ...state, facts: mergeFacts(state.facts, input) }, trigger, ctx);
  const afterRights = input.choice ? afterRightsAnswer(state, input.choice) : null;
  if (afterRights) return afterRights;
  const asking = state.step === 'listen' && state.facts.telling.length === 0 && input.understood.intent === 'rights_question';
  if (asking) return answerRightsQuestion(state, input.understood, ctx);

  switch (state.step) {
    case 'restate': return answerRestatement(state, input, ctx);
    case 'propose': return answerProposal(state, input, ctx);
    case 'confirm': return answerSatisfaction(state, input, ctx);
    default: return listenStep(state, input, ctx);
  }
};

async function answerRestatement(state: ConversationState, input: TurnInput, ctx: FlowContext): Promise<TurnResult> {
  if (said(input, 'confirm', 'yes')) return propose(state, ctx, [apology(state)]);
  if (said(input, 'correct', 'no')) {
    return {
      state: { ...state, step: 'listen', facts: { ...state.facts, awaiting: 'correction' } },
      replies: [{ step: 'listen', lines: [phrase('listen.correct')] }],
    };
  }
  if (input.choice !== null || !input.text) return restateStep(state, input, ctx);
  // Anything else typed here is a correction in itself.
  return listenStep({ ...state, facts: { ...state.facts, awaiting: 'correction' } }, input, ctx);
}

async function answerProposal(state: ConversationState, input: TurnInput, ctx: FlowContext): Promise<TurnResult> {
  const awaiting = state.facts.awaiting;
  if (awaiting?.startsWith('figure:')) {
    const facts = answerFigure(state.facts, awaiting.slice('figure:'.length) as AskableFact, input, ctx.policy.currency);
    return propose({ ...state, facts }, ctx);
  }
  if (awaiting === 'preference') {
    const preference = input.text || null;
    const facts = { ...state.facts, wants: preference ? { words: preference } : state.facts.wants };
    return handOff({ ...state, facts }, 'remedy_refused', ctx);
  }
  if (said(input, 'offer:accept', 'yes')) return confirmPlan(state, ctx);
  if (said(input, 'offer:refuse', 'no')) {
    if (state.caseId) await ctx.promise(state.caseId, 'refusal', { total: state.offer?.total ?? null });
    return {
      state: { ...state, facts: { ...state.facts, awaiting: 'preference' } },
      replies: [{ step: 'propose', lines: [phrase('propose.ask_preference')] }],
    };
  }
  return { state, replies: [{ step: 'propose', lines: [phrase('propose.pick')], choices: offerChoices }] };
}

async function answerSatisfaction(state: ConversationState, input: TurnInput, ctx: FlowContext): Promise<TurnResult> {
  if (said(input, 'satisfied', 'yes')) return closeCase(state, ctx, state.offer);
  if (said(input, 'not_satisfied', 'no')) return handOff(state, 'not_satisfied', ctx);
  return { state, replies: [{ step: 'confirm', lines: [phrase('confirm.ask')], choices: satisfactionChoices }] };
}
