import { findBindingCode } from '../src/guides/binding-code.ts';
import { complaintFlow } from './complaint/index.ts';
import { leaveFeedback } from './feedback.ts';
import { answerGreeting } from './followup.ts';
import { bindGuide, recogniseGuide } from './guide-binding.ts';
import { incidentFlow } from './incident/index.ts';
import { answerSettlement } from './outreach.ts';
import { answerStatus } from './status.ts';
import { answerSurvey } from './survey/index.ts';
import { timerDue } from './sla.ts';
import type { Flows, Step } from './types.ts';

/**
 * A binding code binds, whoever sends it; a traveller answering a group settlement settles it,
 * a survey question on offer is answered, a case's status is asked or a suggestion or praise is left;
 * then guides report incidents and travellers complain.
 */
const turn: Step = async (current, input, ctx) => {
  const code = findBindingCode(input.text);
  if (code) return bindGuide(current, code, ctx);
  const state = await recogniseGuide(current, ctx);
  if (state.role === 'guide') return incidentFlow(state, input, ctx);
  return (await answerSettlement(state, input, ctx))
    ?? (await answerGreeting(state, input, ctx))
    ?? (await answerSurvey(state, input, ctx))
    ?? (await answerStatus(state, input, ctx))
    ?? (await leaveFeedback(state, input, ctx))
    ?? complaintFlow(state, input, ctx);
};

export const flows: Flows = { turn, timerDue };
