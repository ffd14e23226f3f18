import type { ConversationState } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { FlowContext, Step, TurnInput, TurnResult } from '../types.ts';
import { handOff, handoffTrigger, whileWaiting } from '../handoff.ts';
import { closeCase, nextComplaint } from './close.ts';
import { confirmPlan, satisfactionChoices } from './confirm.ts';
import { mergeFacts } from './facts.ts';
import { listenStep } from './listen.ts';
import { apologiseAndPropose, proposalChoices } from './propose.ts';
import { restateStep } from './restate.ts';

const said = (input: TurnInput, choiceId: string, intent: 'affirm' | 'deny') =>
  input.choice === choiceId || (input.choice === null && input.understood.intent === intent);

/** The complaint flow: listen → restate → apologise → propose → confirm → thank → report. */
export const complaintFlow: Step = async (current, input, ctx) => {
  const state = current.step === 'report' ? nextComplaint(current) : current;
  if (state.step === 'handoff') return whileWaiting(state, input.text, input.understood, ctx);
  const trigger = handoffTrigger(input.understood);
  if (trigger) return handOff({ ...state, facts: mergeFacts(state.facts, input) }, trigger, ctx);

  switch (state.step) {
    case 'restate': return answerRestatement(state, input, ctx);
    case 'propose': return answerProposal(state, input, ctx);
    case 'confirm': return answerSatisfaction(state, input, ctx);
    default: return listenStep(state, input, ctx);
  }
};

async function answerRestatement(state: ConversationState, input: TurnInput, ctx: FlowContext): Promise<TurnResult> {
  if (said(input, 'confirm', 'affirm')) return apologiseAndPropose(state, ctx);
  if (said(input, 'correct', 'deny')) {
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
  if (state.facts.awaiting === 'preference') {
    const preference = input.text || null;
    const facts = { ...state.facts, wants: preference ? { words: preference } : state.facts.wants };
    return handOff({ ...state, facts }, 'remedy_refused', ctx);
  }
  const chosen = state.proposal.find((o) => input.choice === `remedy:${o.id}`);
  if (chosen) return confirmPlan(state, chosen, ctx);
  if (said(input, 'remedy:none', 'deny')) {
    return {
      state: { ...state, facts: { ...state.facts, awaiting: 'preference' } },
      replies: [{ step: 'propose', lines: [phrase('propose.ask_preference')] }],
    };
  }
  return { state, replies: [{ step: 'propose', lines: [phrase('propose.pick')], choices: proposalChoices(state.proposal) }] };
}

async function answerSatisfaction(state: ConversationState, input: TurnInput, ctx: FlowContext): Promise<TurnResult> {
  if (said(input, 'satisfied', 'affirm')) return closeCase(state, ctx, state.proposal[0] ?? null);
  if (said(input, 'not_satisfied', 'deny')) return handOff(state, 'not_satisfied', ctx);
  return { state, replies: [{ step: 'confirm', lines: [phrase('confirm.ask')], choices: satisfactionChoices }] };
}
