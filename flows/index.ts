import { findBindingCode } from '../src/guides/binding-code.ts';
import { askWhatFor } from './clarify.ts';
import { complaintFlow } from './complaint/index.ts';
import { feedbackDone, leaveFeedback } from './feedback.ts';
import { sayGoodbye } from './goodbye.ts';
import { answerGreeting } from './followup.ts';
import { bindGuide, recogniseGuide } from './guide-binding.ts';
import { incidentFlow } from './incident/index.ts';
import { answerSettlement } from './outreach.ts';
import { answerStatus } from './status.ts';
import { safetyFirst } from './safety/index.ts';
import { answerSurvey } from './survey/index.ts';
import { timerDue } from './sla.ts';
import type { Flows, Step } from './types.ts';

/**
 * What a traveller's message is for, once their safety is seen to: an answer to a group
 * settlement, a greeting or a survey question on offer; else, asked when unsure, a case's status,
 * a suggestion or praise, a goodbye, or a complaint.
 */
const forWhat: Step = async (state, input, ctx) =>
  (await leaveFeedback(state, input, ctx))
    ?? (await answerStatus(feedbackDone(state), input, ctx))
    ?? sayGoodbye(feedbackDone(state), input)
    ?? complaintFlow(feedbackDone(state), input, ctx);

const traveller: Step = async (state, input, ctx) =>
  (await answerSettlement(state, input, ctx))
    ?? (await answerGreeting(state, input, ctx))
    ?? (await answerSurvey(state, input, ctx))
    ?? askWhatFor(state, input, ctx, forWhat);

/** A binding code binds, whoever sends it; guides report incidents; travellers are heard, danger first. */
const turn: Step = async (current, input, ctx) => {
  const code = findBindingCode(input.text);
  if (code) return bindGuide(current, code, ctx);
  const state = await recogniseGuide(current, ctx);
  if (state.role === 'guide') return incidentFlow(state, input, ctx);
  return safetyFirst(state, input, ctx, traveller);
};

export const flows: Flows = { turn, timerDue };
