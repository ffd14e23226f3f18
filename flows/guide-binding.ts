import { withComplaint, withGuide } from '../src/conversation/state.ts';
import type { ConversationState } from '../src/conversation/state.ts';
import { phrase } from '../src/i18n/render.ts';
import type { ChatAccount } from '../src/ports/guide-registry.ts';
import type { FlowContext, TurnResult } from './types.ts';

const accountOf = (state: ConversationState): ChatAccount => ({ channel: state.channel, senderId: state.senderId });

/**
 * A one-time code from the office: the account becomes the guide's, and the conversation
 * a guide's (any report under way starts afresh). A code that does not work changes nothing.
 */
export async function bindGuide(state: ConversationState, code: string, ctx: FlowContext): Promise<TurnResult> {
  const guide = await ctx.redeemGuideCode(code, accountOf(state));
  // One refusal for wrong, used and expired codes: it tells a guesser nothing.
  if (!guide) return { state, replies: [{ step: 'notice', lines: [phrase('guide.code_refused')], keepChoices: true }] };
  return {
    state: withComplaint(withGuide({ ...state, role: 'guide' }, { guideId: guide.id, accountChecked: true, report: null }), { step: 'incident' }),
    replies: [{ step: 'incident', lines: [phrase('guide.welcome', { name: guide.name })] }],
  };
}

/**
 * Once per conversation: is the account a bound guide's? A guide whose conversation
 * expired writes from a bound account, and is still a guide.
 */
export async function recogniseGuide(state: ConversationState, ctx: FlowContext): Promise<ConversationState> {
  if (state.guide.accountChecked) return state;
  const guide = await ctx.guideFor(accountOf(state));
  return guide
    ? withComplaint(withGuide({ ...state, role: 'guide' }, { guideId: guide.id, accountChecked: true }), { step: 'incident' })
    : withGuide(state, { accountChecked: true });
}
