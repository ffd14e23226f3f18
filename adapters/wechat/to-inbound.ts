import type { Message } from 'wechaty';
import { types } from 'wechaty';
import type * as PUPPET from 'wechaty-puppet';
import type { Attachment, InboundMessage } from '../../src/conversation/messages.ts';

const media: Partial<Record<types.Message, Attachment['kind']>> = {
  [types.Message.Image]: 'image',
  [types.Message.Audio]: 'voice',
  [types.Message.Video]: 'video',
  [types.Message.Attachment]: 'file',
  [types.Message.Emoticon]: 'sticker',
};

/**
 * A traveller's wechaty message as the engine takes it: text (and shared links) as
 * text; photos, voice, video, files and stickers as attachments named by `mediaRef`;
 * a location as `lat,lon`. Null for kinds a complaint cannot use (contact cards,
 * mini programs, transfers, recalls…).
 */
export async function toInbound(msg: Message, puppet: PUPPET.impls.PuppetInterface, receivedAt: Date, mediaRef: (messageId: string) => string): Promise<InboundMessage | null> {
  const talker = msg.talker().id;
  const base = {
    channel: 'wechat' as const, conversationId: talker, senderId: talker, senderRole: 'traveller' as const,
    messageId: msg.id, receivedAt, text: '', attachments: [] as Attachment[],
  };
  const type = msg.type();
  if (type === types.Message.Text || type === types.Message.Url) return { ...base, text: msg.text() };
  if (type === types.Message.Location) {
    // Not msg.toLocation(): in wechaty 1.20 it throws (it builds its Location class unwechatified).
    const { latitude, longitude } = await puppet.messageLocation(msg.id);
    return { ...base, attachments: [{ kind: 'location', ref: `${latitude},${longitude}` }] };
  }
  const kind = media[type];
  return kind ? { ...base, attachments: [{ kind, ref: mediaRef(msg.id) }] } : null;
}
