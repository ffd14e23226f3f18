import type { ConversationState } from '../src/conversation/state.ts';
import { phrase } from '../src/i18n/render.ts';
import type { FlowContext, TurnInput, TurnResult } from './types.ts';

/** Between complaints: nothing is being told, no question of ours is waiting. */
export const betweenComplaints = (state: ConversationState): boolean =>
  state.step === 'report' || (state.step === 'listen' && state.facts.telling.length === 0);

/**
 * A suggestion or praise (意见征询单 / 顾客意见簿), left between complaints: recorded and
 * thanked for, and no case is opened. In the middle of a complaint such words are part of it.
 */
export async function leaveFeedback(state: ConversationState, input: TurnInput, ctx: FlowContext): Promise<TurnResult | null> {
  const kind = input.understood.intent;
  if (input.choice !== null || !betweenComplaints(state) || (kind !== 'suggestion' && kind !== 'praise')) return null;
  // Keyed by the turn, so a turn redone after a crash records it once.
  await ctx.leaveFeedback({ id: `${state.key}#${state.turn + 1}`, conversationKey: state.key, kind, text: input.text });
  return { state, replies: [{ step: 'notice', lines: [phrase(`feedback.thanks.${kind}`)], keepChoices: true }] };
}
