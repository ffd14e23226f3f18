import type { FactQuestion } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { Reply, Step } from '../types.ts';
import { mergeFacts, nextQuestion } from './facts.ts';
import { restateStep } from './restate.ts';

const questionChoices: Partial<Record<FactQuestion, NonNullable<Reply['choices']>>> = {
  tour: [{ id: 'skip', label: phrase('choice.dont_know') }],
  when: [{ id: 'skip', label: phrase('choice.dont_know') }],
  people: [{ id: 'people:1', label: phrase('choice.just_me') }],
  wants: [
    { id: 'wants:compensation', label: phrase('wants.compensation') },
    { id: 'wants:fix', label: phrase('wants.fix') },
    { id: 'wants:apology', label: phrase('wants.apology') },
  ],
};

/** Step 1, listen: take the telling in, then ask for one missing fact at a time. */
export const listenStep: Step = async (state, input, ctx) => {
  const facts = mergeFacts(state.facts, input);
  const question = nextQuestion(facts);
  if (question === null) return restateStep({ ...state, facts: { ...facts, awaiting: null } }, input, ctx);

  const greeted = state.facts.telling.length === 0 && input.understood.intent === 'other' && input.understood.language !== null;
  const lines = greeted ? [phrase('listen.greeting')] : [];
  lines.push(phrase(`ask.${question}`));
  const asked = facts.asked.includes(question) ? facts.asked : [...facts.asked, question];
  const reply: Reply = { step: 'listen', lines, choices: questionChoices[question] ?? [] };
  return { state: { ...state, step: 'listen', facts: { ...facts, asked, awaiting: question } }, replies: [reply] };
};
