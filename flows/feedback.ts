import type { ConversationState } from '../src/conversation/state.ts';
import { withAftercare } from '../src/conversation/state.ts';
import { phrase } from '../src/i18n/render.ts';
import type { Intent } from '../src/taxonomy.ts';
import type { FlowContext, TurnInput, TurnResult } from './types.ts';

/** Between complaints: nothing is being told, no question of ours is waiting. */
export const betweenComplaints = (state: ConversationState): boolean =>
  state.complaint.step === 'report' || (state.complaint.step === 'listen' && state.complaint.facts.telling.length === 0);

/**
 * Right after a suggestion or praise, these go on with it: more of the story ("she found a
 * pharmacy at 10pm"), "please tell her boss". A complaint goes on with it only when it could be
 * read as the same feedback; "that's all", a status or rights question, go where they go.
 */
const goesOn: ReadonlySet<Intent> = new Set(['suggestion', 'praise', 'answer', 'other', 'wants_human']);

function feedbackKind(state: ConversationState, input: TurnInput): 'suggestion' | 'praise' | null {
  const u = input.understood;
  if (input.choice !== null || !betweenComplaints(state)) return null;
  if (u.intent === 'suggestion' || u.intent === 'praise') return u.intent;
  const open = state.aftercare.feedback;
  if (open === null) return null;
  return goesOn.has(u.intent) || (u.intent === 'complaint' && u.likely.intents.includes(open)) ? open : null;
}

/**
 * A suggestion or praise (意见征询单 / 顾客意见簿), left between complaints: recorded and
 * thanked for, and no case is opened; what follows it adds to it. In the middle of a complaint
 * such words are part of the complaint.
 */
export async function leaveFeedback(state: ConversationState, input: TurnInput, ctx: FlowContext): Promise<TurnResult | null> {
  const kind = feedbackKind(state, input);
  if (kind === null) return null;
  const more = state.aftercare.feedback === kind;
  // Keyed by the turn, so a turn redone after a crash records it once.
  await ctx.leaveFeedback({ id: `${state.key}#${state.turn + 1}`, conversationKey: state.key, kind, text: input.text });
  const line = phrase(more ? `feedback.more.${kind}` : `feedback.thanks.${kind}`);
  return { state: withAftercare(state, { feedback: kind }), replies: [{ step: 'notice', lines: [line], keepChoices: true }] };
}

/** Anything but more feedback closes the feedback left. */
export const feedbackDone = (state: ConversationState): ConversationState =>
  state.aftercare.feedback === null ? state : withAftercare(state, { feedback: null });
