import { withAftercare, withComplaint } from '../src/conversation/state.ts';
import type { ConversationState } from '../src/conversation/state.ts';
import { phrase } from '../src/i18n/render.ts';
import type { Departure } from '../src/ports/guide-registry.ts';
import { nextComplaint } from './complaint/close.ts';
import { startSurvey } from './survey/index.ts';
import type { FlowContext, TurnInput, TurnResult } from './types.ts';

const greetingChoices = [
  { id: 'followup:good', label: phrase('choice.followup_good') },
  { id: 'followup:problem', label: phrase('choice.followup_problem') },
];

/** The agency writes first the day after a trip: how was it, and is there anything to tell? */
export const greeted = (state: ConversationState, departure: Departure, ctx: Pick<FlowContext, 'now'>): TurnResult => ({
  state: withAftercare(state, { greeting: { departure, sentAt: ctx.now.toISOString() } }),
  replies: [{ step: 'notice', lines: [phrase('followup.greeting', { tour: departure.tourCode })], choices: greetingChoices }],
});

/**
 * The traveller's answer to the greeting: a problem is heard as a complaint about that tour, a
 * good trip is thanked and asked about in the trip survey. Only the choices count: a "yes" weeks
 * later answers something else.
 */
export async function answerGreeting(state: ConversationState, input: TurnInput, ctx: FlowContext): Promise<TurnResult | null> {
  const greeting = state.aftercare.greeting;
  if (!greeting) return null;
  const rest = withAftercare(state, { greeting: null });
  if (input.choice === 'followup:good') {
    const survey = await startSurvey(rest, { about: 'trip', departure: greeting.departure }, ctx);
    return { state: survey.state, replies: [{ step: 'thank', lines: [phrase('followup.thanks')] }, ...survey.replies] };
  }
  if (input.choice !== 'followup:problem') return null;
  // A complaint already told is done with: this problem is a new one.
  const fresh = rest.complaint.step === 'report' ? nextComplaint(rest) : rest;
  const facts = { ...fresh.complaint.facts, tour: fresh.complaint.facts.tour ?? { value: greeting.departure.tourCode, from: -1, sure: true }, awaiting: 'what' as const };
  return { state: withComplaint(fresh, { step: 'listen', facts }), replies: [{ step: 'listen', lines: [phrase('ask.what')] }] };
}
