import type { ConversationState } from '../../src/conversation/state.ts';
import { withComplaint } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { FlowContext, Step, TurnInput, TurnResult } from '../types.ts';
import { said } from '../said.ts';
import { handOff, handoffTrigger, whileWaiting } from '../handoff.ts';
import { afterRightsAnswer, answerRightsQuestion } from '../rights.ts';
import { closeCase, nextComplaint } from './close.ts';
import { confirmPlan, satisfactionChoices } from './confirm.ts';
import { hear } from './facts.ts';
import { figureAsked } from './figures.ts';
import { listenStep } from './listen.ts';
import { acknowledgeMedia, onlyMedia } from './media.ts';
import { apology, askFigure, offerChoices, propose } from './propose.ts';
import { restateStep } from './restate.ts';

/** The complaint flow: listen → restate → apologise → propose → confirm → thank → report. */
export const complaintFlow: Step = async (current, input, ctx) => {
  const state = current.complaint.step === 'report' ? nextComplaint(current) : current;
  if (onlyMedia(input)) return acknowledgeMedia(state, input);
  if (state.complaint.step === 'handoff') return whileWaiting(state, input, ctx);
  // A preference asked for goes to a person anyway: whatever it says, it is the preference.
  if (state.complaint.facts.awaiting === 'preference') return answerProposal(state, input, ctx);
  // Asked what they would like us to do, a request for a call back is the answer, restated and kept with the case.
  const trigger = state.complaint.facts.awaiting === 'wants' && input.understood.intent !== 'wants_human' ? null : handoffTrigger(input.understood);
  if (trigger) return handOff(withComplaint(state, { facts: hear(state.complaint.facts, input, ctx.policy).facts }), trigger, ctx);
  const afterRights = input.choice ? afterRightsAnswer(state, input.choice) : null;
  if (afterRights) return afterRights;
  const asking = state.complaint.step === 'listen' && state.complaint.facts.telling.length === 0 && input.understood.intent === 'rights_question';
  if (asking) return answerRightsQuestion(state, input, ctx);

  switch (state.complaint.step) {
    case 'restate': return answerRestatement(state, input, ctx);
    case 'propose': return answerProposal(state, input, ctx);
    case 'confirm': return answerSatisfaction(state, input, ctx);
    default: return listenStep(state, input, ctx);
  }
};

const correcting = (state: ConversationState): ConversationState =>
  withComplaint(state, { step: 'listen', facts: { ...state.complaint.facts, awaiting: 'correction' } });

/** Longer than this, a plain no says what is wrong as well (「不对，是15号」). */
const bareNo = 12;

/** A plain "no" to the restatement: it does not say what is wrong. */
function plainNo(input: TurnInput): boolean {
  const e = input.understood.entities;
  const names = e.dates.length + e.figures.length + e.tourCodes.length + e.orderNumbers.length + (e.people ? 1 : 0) > 0;
  return input.choice === 'correct' || (said(input, 'correct', 'no') && Array.from(input.text.trim()).length <= bareNo && !names);
}

async function answerRestatement(state: ConversationState, input: TurnInput, ctx: FlowContext): Promise<TurnResult> {
  if (said(input, 'confirm', 'yes')) return propose(state, ctx, [apology(state)]);
  if (plainNo(input)) return { state: correcting(state), replies: [{ step: 'listen', lines: [phrase('listen.correct')] }] };
  if (input.choice !== null || !input.text) return restateStep(state, input, ctx);
  // Typed here, words put right what was restated (「不对，是15号」, "I changed my mind") or add to
  // it (「还多拉了一个购物点」): the next restatement shows either.
  const u = input.understood;
  const puttingRight = u.corrects || u.reply === 'no' || u.wants === 'apology';
  return listenStep(puttingRight ? correcting(state) : withComplaint(state, { step: 'listen', facts: { ...state.complaint.facts, awaiting: null } }), input, ctx);
}

async function answerProposal(state: ConversationState, input: TurnInput, ctx: FlowContext): Promise<TurnResult> {
  const { awaiting } = state.complaint.facts;
  if (awaiting === 'preference') {
    const preference = input.text || null;
    const facts = { ...state.complaint.facts, wants: preference ? { value: { words: preference }, from: state.complaint.facts.said.length, sure: true } : state.complaint.facts.wants };
    return handOff(withComplaint(state, { facts: { ...facts, said: input.text ? [...facts.said, input.text] : facts.said } }), 'remedy_refused', ctx);
  }
  const asked = awaiting ? figureAsked(awaiting) : null;
  if (asked) {
    const heard = hear(state.complaint.facts, input, ctx.policy);
    const next = withComplaint(state, { facts: heard.facts });
    const timesAsked = state.complaint.facts.asked.filter((q) => q === awaiting).length;
    if (!heard.fits && timesAsked < 2) return askFigure(next, asked, heard.doubt ? [] : [{ step: 'propose', lines: [phrase('listen.again')] }], heard.doubt);
    // Asked twice and still not answered: staff find it out.
    const facts = heard.fits ? heard.facts : { ...heard.facts, unknownFigures: [...new Set([...heard.facts.unknownFigures, asked])] };
    return propose(withComplaint(state, { facts }), ctx);
  }
  if (said(input, 'offer:accept', 'yes')) return confirmPlan(state, ctx);
  if (said(input, 'offer:refuse', 'no')) {
    if (state.complaint.caseId) await ctx.promise(state.complaint.caseId, 'refusal', { total: state.complaint.offer?.total ?? null });
    return {
      state: withComplaint(state, { facts: { ...state.complaint.facts, awaiting: 'preference' } }),
      replies: [{ step: 'propose', lines: [phrase('propose.ask_preference')] }],
    };
  }
  // A correction or a change of mind before accepting: the offer is made anew from what is now known.
  if (input.understood.corrects || input.understood.wants === 'apology') {
    return propose(withComplaint(state, { facts: hear(state.complaint.facts, input, ctx.policy).facts }), ctx);
  }
  return { state, replies: [{ step: 'propose', lines: [phrase('propose.pick')], choices: offerChoices }] };
}

async function answerSatisfaction(state: ConversationState, input: TurnInput, ctx: FlowContext): Promise<TurnResult> {
  if (said(input, 'satisfied', 'yes')) return closeCase(state, ctx, state.complaint.offer);
  if (said(input, 'not_satisfied', 'no')) return handOff(state, 'not_satisfied', ctx);
  return { state, replies: [{ step: 'confirm', lines: [phrase('confirm.ask')], choices: satisfactionChoices }] };
}
