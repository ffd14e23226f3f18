import type { Understood } from '../ports/understanding.ts';
import type { Locale } from '../taxonomy.ts';
import { newAftercareSlice } from './aftercare-slice.ts';
import type { AftercareSlice } from './aftercare-slice.ts';
import { newComplaint } from './complaint-slice.ts';
import type { ComplaintSlice } from './complaint-slice.ts';
import { newGuideSlice } from './guide-slice.ts';
import type { GuideSlice } from './guide-slice.ts';
import type { Attachment, Channel, Choice, InboundMessage, OutboundMessage, SenderRole } from './messages.ts';
import { conversationKey } from './messages.ts';

export type { AftercareSlice, GreetingSent, SettlementOffer, SurveyUnderWay } from './aftercare-slice.ts';
export type { ComplaintFacts, ComplaintSlice, FactQuestion, FigureSlot, Handoff, OfferMade, Slot, Wants } from './complaint-slice.ts';
export type { GuideSlice, ReportDraft, ReportQuestion } from './guide-slice.ts';

/** The shape of the envelope below; stored states of an older shape are migrated on read (migrations.ts). */
export const stateVersion = 2;

/**
 * Everything the engine keeps about one conversation between turns: who it is with and what is
 * in flight (the engine's), and one slice per flow, each owned by its flow and versioned on its own.
 */
export interface ConversationState {
  version: typeof stateVersion;
  /** How many times it was stored: a write must follow the revision it read (ConversationStore.write). */
  revision: number;
  key: string;
  channel: Channel;
  conversationId: string;
  senderId: string;
  role: SenderRole;
  locale: Locale | null;
  /** The channel's guess at the traveller's language, used until they write. */
  localeHint: Locale | null;
  /** `human` while staff have the conversation: the bot stays silent. */
  mode: 'bot' | 'human';
  /** Choices last offered, so a typed number can pick one (WeChat shows them numbered). */
  offered: Choice[];
  /** Messages of a burst not yet handled as one telling. */
  pending: Burst | null;
  /** Replies of the last committed turn not yet delivered: a crash between commit and send leaves them here. */
  outbox: OutboundMessage[];
  /** Ids of the last messages whose turns were committed, so a redo after a crash does not run them twice. */
  handled: string[];
  /** Bot turns so far. */
  turn: number;
  /** A message held while the traveller answers a question about it (is anyone in danger? what is it for?). */
  held: HeldTelling | null;
  complaint: ComplaintSlice;
  guide: GuideSlice;
  aftercare: AftercareSlice;
}

/** Messages written in quick succession, answered as one telling once the traveller pauses. */
export interface Burst {
  texts: string[];
  attachments: Attachment[];
  /** When (epoch ms) the last of them came. */
  lastAt: number;
  /** Their ids: their journal entries stay open until the burst is answered. */
  messageIds: string[];
}

/** A telling held back for a moment, as it was read, and the question asked about it. */
export interface HeldTelling {
  question: 'safety' | 'intent';
  text: string;
  attachments: Attachment[];
  understood: Understood;
}

export function newConversation(message: InboundMessage): ConversationState {
  return {
    version: stateVersion,
    revision: 0,
    key: conversationKey(message),
    channel: message.channel,
    conversationId: message.conversationId,
    senderId: message.senderId,
    role: message.senderRole,
    locale: null,
    localeHint: message.localeHint ?? null,
    mode: 'bot',
    offered: [],
    pending: null,
    outbox: [],
    handled: [],
    turn: 0,
    held: null,
    complaint: newComplaint(),
    guide: newGuideSlice(),
    aftercare: newAftercareSlice(),
  };
}

/** A traveller who has not written yet is written to in the language the agency has on record for them. */
export const inRecordedLocale = (state: ConversationState, locale: Locale | null): ConversationState =>
  state.locale || !locale ? state : { ...state, locale };

/** The state with its complaint slice changed. */
export const withComplaint = (state: ConversationState, patch: Partial<ComplaintSlice>): ConversationState =>
  ({ ...state, complaint: { ...state.complaint, ...patch } });

/** The state with its guide slice changed. */
export const withGuide = (state: ConversationState, patch: Partial<GuideSlice>): ConversationState =>
  ({ ...state, guide: { ...state.guide, ...patch } });

/** The state with its after-care slice changed. */
export const withAftercare = (state: ConversationState, patch: Partial<AftercareSlice>): ConversationState =>
  ({ ...state, aftercare: { ...state.aftercare, ...patch } });
