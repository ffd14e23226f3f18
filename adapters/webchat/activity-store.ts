import { randomBytes } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import type { Locale } from '../../src/taxonomy.ts';

/** One Direct Line activity, as Web Chat reads it. Only the fields tripcare writes. */
export interface DirectLineActivity {
  type: 'message' | 'typing' | 'event';
  /** `<conversationId>|<7-digit sequence>`, assigned by the store. */
  id: string;
  timestamp: string;
  channelId: 'directline';
  conversation: { id: string };
  from: { id: string; name?: string; role: 'user' | 'bot' };
  text?: string;
  /** Always plain: Web Chat must never read a traveller's echo or a reply as Markdown. */
  textFormat?: 'plain';
  locale?: string;
  /** Event name (`type: 'event'`). */
  name?: string;
  value?: unknown;
  attachments?: { contentType: string; contentUrl: string; name?: string }[];
  suggestedActions?: { actions: { type: 'imBack'; title: string; value: string }[] };
  replyToId?: string;
  channelData?: { clientActivityID?: string; clientTimestamp?: string; postBack?: boolean };
}

export type NewActivity = Omit<DirectLineActivity, 'id'>;

/** A file a traveller uploaded (a photo as evidence), kept with the conversation. */
export interface StoredFile {
  contentType: string;
  name: string;
  bytes: Buffer;
}

/** What Direct Line answers to "what happened since": the activities and the watermark to ask from next. */
export interface ActivitySet {
  activities: DirectLineActivity[];
  watermark: string;
}

/** Where a conversation came from, and so where its replies go. */
export type ConversationOrigin =
  | { kind: 'directline'; locale: Locale }
  /** Azure Bot Service: replies go back through the CloudAdapter to `reference.serviceUrl`. */
  | { kind: 'azure'; locale?: Locale; reference: AzureReference };

/** A Bot Framework conversation reference: enough to answer later, through the CloudAdapter. */
export type AzureReference = Partial<ConversationReference> & { serviceUrl: string; channelId: string };

/**
 * The web-chat conversations this deployment knows and their activities, shared by every
 * process: a `worker` appends a staff reply, the `web` process holding the traveller's
 * WebSocket hears of it through `watch` and streams it.
 *
 * ```ts
 * await store.open(id, { kind: 'directline', locale: 'en' });
 * const stop = await store.watch(id, () => void pump());
 * await store.append(id, activity); // from any process
 * const { activities, watermark } = await store.since(id, 0);
 * ```
 */
export interface ActivityStore {
  /** Starts (or refreshes) keeping a conversation. */
  open(conversationId: string, origin: ConversationOrigin): Promise<void>;
  /** Undefined for a conversation never opened, or forgotten. */
  origin(conversationId: string): Promise<ConversationOrigin | undefined>;
  /**
   * Appends to an opened conversation, assigning the next id; returns the stored activity. With
   * `once` (a reply's stable id), a second append under the same key adds nothing and returns the
   * first: a reply sent again after a crash reaches the traveller once.
   */
  append(conversationId: string, activity: NewActivity, once?: string): Promise<DirectLineActivity>;
  /** The activities after `watermark` (0: from the first kept), oldest first. */
  since(conversationId: string, watermark: number): Promise<ActivitySet>;
  /** Keeps an uploaded file for as long as conversations are kept; resolves to its unguessable id. */
  putFile(conversationId: string, file: StoredFile): Promise<string>;
  file(conversationId: string, fileId: string): Promise<StoredFile | undefined>;
  /** Calls `listener` after each append to the conversation, by any process; resolves to a stop function. */
  watch(conversationId: string, listener: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface ActivityStoreLimits {
  /** Activities kept per conversation, the newest. Default 500. */
  maxActivities?: number;
  /** A conversation is forgotten this long after it was last opened or appended to. Default 30 days. */
  ttlSeconds?: number;
}

export const defaultLimits = { maxActivities: 500, ttlSeconds: 30 * 24 * 3600 } satisfies Required<ActivityStoreLimits>;

export const newFileId = (): string => randomBytes(16).toString('base64url');

export const activityId = (conversationId: string, seq: number): string => `${conversationId}|${String(seq).padStart(7, '0')}`;

export class UnknownConversationError extends Error {
  override name = 'UnknownConversationError';
}
