import { phrase } from '../../src/i18n/render.ts';
import type { Step } from '../types.ts';
import { restatement } from './describe.ts';

const restateChoices = [
  { id: 'confirm', label: phrase('choice.correct_yes') },
  { id: 'correct', label: phrase('choice.correct_no') },
];

/** Step 2, restate: say back what was understood and let the traveller confirm or correct. */
export const restateStep: Step = async (state) => ({
  state: { ...state, step: 'restate' },
  replies: [{ step: 'restate', lines: restatement(state.facts), choices: restateChoices }],
});
