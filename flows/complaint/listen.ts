import type { FactQuestion } from '../../src/conversation/state.ts';
import { withComplaint } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { Phrase } from '../../src/i18n/render.ts';
import type { Reply, Step } from '../types.ts';
import { hear, nextQuestion } from './facts.ts';
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

/** A question not answered is asked once more, then left for staff. */
const timesAsked = (asked: readonly FactQuestion[], q: FactQuestion) => asked.filter((a) => a === q).length;

/** The questions asked, less the one the traveller went on telling past: it is still to be answered. */
function stillOpen(asked: readonly FactQuestion[], q: FactQuestion): FactQuestion[] {
  const at = asked.lastIndexOf(q);
  return at < 0 ? [...asked] : [...asked.slice(0, at), ...asked.slice(at + 1)];
}

/**
 * Step 1, listen: take in everything the message tells, then ask for one missing fact at a time.
 * A traveller who goes on telling instead of answering is heard, and the question waits; an answer
 * that does not fit and tells nothing new is not kept, and the question is asked once more.
 */
export const listenStep: Step = async (state, input, ctx) => {
  const told = state.complaint.facts;
  const heard = hear(told, input, ctx.policy);
  const awaiting = told.awaiting;
  const open = !heard.fits && awaiting !== null && awaiting !== 'what' && awaiting !== 'correction';
  const toldMore = open && (heard.learned ?? false);
  const facts = toldMore ? { ...heard.facts, asked: stillOpen(heard.facts.asked, awaiting) } : heard.facts;
  const again = open && !toldMore && timesAsked(told.asked, awaiting) < 2;
  const question = again ? awaiting : nextQuestion(facts);
  if (question === null) return restateStep(withComplaint(state, { facts: { ...facts, awaiting: null } }), input, ctx);

  const greeted = told.telling.length === 0 && input.understood.intent === 'other' && input.understood.language !== null;
  const lines: Phrase[] = greeted ? [phrase('listen.greeting')] : again ? [phrase('listen.again')] : toldMore ? [phrase('listen.noted')] : [];
  lines.push(phrase(`ask.${question}` as 'ask.what'));
  const reply: Reply = { step: 'listen', lines, choices: questionChoices[question] ?? [] };
  return { state: withComplaint(state, { step: 'listen', facts: { ...facts, asked: [...facts.asked, question], awaiting: question } }), replies: [reply] };
};
