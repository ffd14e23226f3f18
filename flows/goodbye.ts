import { phrase } from '../src/i18n/render.ts';
import type { ConversationState } from '../src/conversation/state.ts';
import { betweenComplaints } from './feedback.ts';
import type { TurnInput, TurnResult } from './types.ts';

/** A closing ("that's all, thanks") between complaints ends the exchange politely, and opens nothing. */
export function sayGoodbye(state: ConversationState, input: TurnInput): TurnResult | null {
  if (input.choice !== null || input.understood.intent !== 'done' || !betweenComplaints(state)) return null;
  return { state, replies: [{ step: 'notice', lines: [phrase('closing.goodbye')] }] };
}
