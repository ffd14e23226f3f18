import { phrase } from '../../src/i18n/render.ts';
import type { ComplaintFacts } from '../../src/conversation/state.ts';
import type { Reply, Step } from '../types.ts';
import { restatement } from './describe.ts';

const restateChoices = [
  { id: 'confirm', label: phrase('choice.correct_yes') },
  { id: 'correct', label: phrase('choice.correct_no') },
];

/** Says back what was understood, asking the traveller to confirm or correct it. */
export const restateReply = (facts: ComplaintFacts): Reply => ({ step: 'restate', lines: restatement(facts), choices: restateChoices });

/** Step 2, restate: say back what was understood and let the traveller confirm or correct. */
export const restateStep: Step = async (state) => ({
  state: { ...state, step: 'restate' },
  replies: [restateReply(state.facts)],
});
