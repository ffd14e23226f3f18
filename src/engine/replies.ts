import type { Reply } from '../../flows/types.ts';
import type { OutboundMessage } from '../conversation/messages.ts';
import type { ConversationState } from '../conversation/state.ts';
import { render } from '../i18n/render.ts';
import type { Locale } from '../taxonomy.ts';

/** A flow's replies as the words a channel sends, in the conversation's locale. */
export function renderReplies(state: ConversationState, replies: Reply[], locale: Locale, timeZone: string): OutboundMessage[] {
  return replies.map((reply, i) => ({
    id: `${state.turn}.${i}`,
    channel: state.channel,
    conversationId: state.conversationId,
    text: reply.lines.map((line) => render(locale, line, timeZone)).join('\n'),
    choices: (reply.choices ?? []).map((c) => ({ id: c.id, label: render(locale, c.label, timeZone) })),
    step: reply.step,
    turn: state.turn,
  }));
}
