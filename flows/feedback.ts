import type { ConversationState } from '../src/conversation/state.ts';
import { phrase } from '../src/i18n/render.ts';
import { feedbackKind } from '../src/understanding/rules/feedback.ts';
import type { FlowContext, TurnInput, TurnResult } from './types.ts';

/**
 * A suggestion or praise (意见征询单 / 顾客意见簿), left between complaints: recorded and
 * thanked for, and no case is opened. In the middle of a complaint such words are part of it.
 */
export async function leaveFeedback(state: ConversationState, input: TurnInput, ctx: FlowContext): Promise<TurnResult | null> {
  const between = state.step === 'report' || (state.step === 'listen' && state.facts.telling.length === 0);
  if (input.choice !== null || !between) return null;
  const kind = feedbackKind(input.text);
  if (!kind) return null;
  // Keyed by the turn, so a turn redone after a crash records it once.
  await ctx.leaveFeedback({ id: `${state.key}#${state.turn + 1}`, conversationKey: state.key, kind, text: input.text });
  return { state, replies: [{ step: 'notice', lines: [phrase(`feedback.thanks.${kind}`)], keepChoices: true }] };
}
