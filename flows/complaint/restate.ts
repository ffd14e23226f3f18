import type { ComplaintFacts } from '../../src/conversation/state.ts';
import { withComplaint } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { Reply, Step } from '../types.ts';
import { restatement } from './describe.ts';

const restateChoices = [
  { id: 'confirm', label: phrase('choice.correct_yes') },
  { id: 'correct', label: phrase('choice.correct_no') },
];

/** Says back what was understood, asking the traveller to confirm or correct it. */
export const restateReply = (facts: ComplaintFacts, currency: string): Reply => ({ step: 'restate', lines: restatement(facts, currency), choices: restateChoices });

/** Step 2, restate: say back what was understood and let the traveller confirm or correct. */
export const restateStep: Step = async (state, _input, ctx) => ({
  state: withComplaint(state, { step: 'restate', facts: { ...state.complaint.facts, awaiting: null } }),
  replies: [restateReply(state.complaint.facts, ctx.policy.currency)],
});
