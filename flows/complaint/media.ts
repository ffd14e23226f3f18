import type { ConversationState } from '../../src/conversation/state.ts';
import { withComplaint } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { MessageKey } from '../../src/i18n/render.ts';
import type { TurnInput, TurnResult } from '../types.ts';

/** Kinds a person can look at later as evidence; voice and stickers say nothing we can read. */
const evidence = new Set(['image', 'video', 'file', 'location']);

export const onlyMedia = (input: TurnInput): boolean => !input.text && !input.choice && input.attachments.length > 0;

/**
 * A photo, voice message or sticker without words: keep it with the case, say
 * so (or ask for words), and leave the question before it open.
 */
export function acknowledgeMedia(state: ConversationState, input: TurnInput): TurnResult {
  const facts = { ...state.complaint.facts, attachments: [...state.complaint.facts.attachments, ...input.attachments] };
  const key: MessageKey = input.attachments.some((a) => evidence.has(a.kind))
    ? 'notice.kept'
    : input.attachments.some((a) => a.kind === 'voice') ? 'notice.voice' : 'notice.sticker';
  const lines = [phrase(key)];
  if (state.complaint.step === 'listen' && (facts.awaiting === null || facts.awaiting === 'what') && facts.telling.length === 0) lines.push(phrase('ask.what'));
  return { state: withComplaint(state, { facts }), replies: [{ step: state.complaint.step === 'report' ? 'listen' : state.complaint.step, lines, keepChoices: true }] };
}
