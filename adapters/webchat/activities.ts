import type { Activity } from 'botbuilder';
import type { Attachment, InboundMessage, OutboundMessage } from '../../src/conversation/messages.ts';
import type { Locale } from '../../src/taxonomy.ts';
import type { NewActivity } from './activity-store.ts';
import type { PostedActivity } from './schemas.ts';

/** Who the bot is in the activity stream. */
export const botAccount = { id: 'tripcare', role: 'bot' as const };

/** Web Chat's locale (a BCP 47 tag) as one tripcare speaks, if it is one. */
export function localeOf(tag: string | undefined): Locale | undefined {
  const lower = tag?.toLowerCase() ?? '';
  if (lower === 'zh' || lower.startsWith('zh-')) return /^zh-(tw|hk|mo|hant)/.test(lower) ? 'zh-TW' : 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return undefined;
}

/**
 * A reply as a bot activity: plain text (never Markdown), with the choices as
 * imBack buttons: pressing one says its label, which the engine reads as that choice.
 */
export function replyActivity(message: OutboundMessage, locale: Locale | undefined, at: Date): NewActivity {
  return {
    type: 'message',
    timestamp: at.toISOString(),
    channelId: 'directline',
    conversation: { id: message.conversationId },
    from: botAccount,
    text: message.text,
    textFormat: 'plain',
    ...(locale ? { locale } : {}),
    ...(message.choices.length > 0
      ? { suggestedActions: { actions: message.choices.map((c) => ({ type: 'imBack' as const, title: c.label, value: c.label })) } }
      : {}),
  };
}

/**
 * A traveller's message activity (from our Direct Line or Azure) for the engine. A choice is
 * the string `value` of a postBack/messageBack, or the text of a postBack; an imBack is just text.
 */
export function inboundMessage(activity: Activity, receivedAt: Date): InboundMessage {
  const postBack = (activity.channelData as { postBack?: unknown } | undefined)?.postBack === true;
  const choice = typeof activity.value === 'string' ? activity.value : postBack ? activity.text : undefined;
  const localeHint = localeOf(activity.locale);
  return {
    channel: 'webchat',
    conversationId: activity.conversation.id,
    senderId: activity.from.id,
    senderRole: 'traveller',
    messageId: activity.id ?? '',
    text: choice === undefined ? (activity.text ?? '') : '',
    ...(choice !== undefined && choice !== '' ? { choice } : {}),
    attachments: (activity.attachments ?? []).flatMap((a) => (a.contentUrl ? [{ kind: kindOf(a.contentType), ref: a.contentUrl, mimeType: a.contentType }] : [])),
    receivedAt,
    ...(localeHint ? { localeHint } : {}),
  };
}

const kindOf = (contentType: string): Attachment['kind'] =>
  contentType.startsWith('image/') ? 'image'
    : contentType.startsWith('audio/') ? 'voice'
      : contentType.startsWith('video/') ? 'video' : 'file';

/** The echo of a traveller's activity: what Web Chat waits for, `clientActivityID` intact. */
export function echoActivity(posted: PostedActivity, conversationId: string, at: Date): NewActivity {
  const { clientActivityID, clientTimestamp, postBack } = posted.channelData ?? {};
  const channelData = { ...(clientActivityID ? { clientActivityID } : {}), ...(clientTimestamp ? { clientTimestamp } : {}), ...(postBack ? { postBack } : {}) };
  return {
    type: posted.type,
    timestamp: at.toISOString(),
    channelId: 'directline',
    conversation: { id: conversationId },
    from: { id: posted.from.id, ...(posted.from.name ? { name: posted.from.name } : {}), role: 'user' },
    ...(posted.text !== undefined ? { text: posted.text, textFormat: 'plain' as const } : {}),
    ...(posted.locale ? { locale: posted.locale } : {}),
    ...(posted.name ? { name: posted.name } : {}),
    ...(posted.value !== undefined ? { value: posted.value } : {}),
    ...(Object.keys(channelData).length > 0 ? { channelData } : {}),
  };
}
