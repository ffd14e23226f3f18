import type { Locale } from '../taxonomy.ts';

export const channels = ['wechat', 'telegram', 'webchat', 'cli'] as const;
export type Channel = (typeof channels)[number];

export type SenderRole = 'traveller' | 'guide' | 'staff';

export interface Attachment {
  kind: 'image' | 'voice' | 'video' | 'file' | 'location' | 'sticker';
  /** Where the channel keeps it (a URL or a channel media id). */
  ref: string;
  mimeType?: string;
}

/** One message from any channel, as adapters hand it to the engine. */
export interface InboundMessage {
  channel: Channel;
  conversationId: string;
  senderId: string;
  senderRole: SenderRole;
  /** The channel's own id for this message; a repeat is ignored. */
  messageId: string;
  text: string;
  /** Set when the traveller pressed a choice instead of typing. */
  choice?: string;
  attachments: Attachment[];
  receivedAt: Date;
  /** The channel's idea of the user's language (e.g. Telegram's language_code), used until the text tells. */
  localeHint?: Locale;
}

export interface Choice {
  id: string;
  label: string;
}

/** Step ids that outbound messages belong to; the seven method steps plus the flows' own. */
export type StepId =
  | 'listen' | 'restate' | 'apologise' | 'propose' | 'confirm' | 'thank' | 'report'
  | 'handoff' | 'safety' | 'notice' | 'staff' | 'incident' | 'survey';

/** One message to a channel, rendered natively by its adapter. */
export interface OutboundMessage {
  /** Unique within the conversation: the turn and the message's place in it. */
  id: string;
  channel: Channel;
  conversationId: string;
  text: string;
  choices: Choice[];
  step: StepId;
  /** The bot turn it answers, counted per conversation. */
  turn: number;
}

export const conversationKey = (m: { channel: Channel; conversationId: string }): string =>
  `${m.channel}:${m.conversationId}`;

/** The conversation id in a key: everything after its channel (the id itself may hold colons). */
export const conversationIdOf = (key: string): string => key.slice(key.indexOf(':') + 1);

/** The channels travellers write on; `cli` is the terminal's, for trying the bot. */
export const travellerChannels = ['wechat', 'telegram', 'webchat'] as const;
