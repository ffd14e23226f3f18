import { EventEmitter } from 'node:events';
import type { Clock } from '../../src/ports/clock.ts';
import { activityId, defaultLimits, newFileId, UnknownConversationError } from './activity-store.ts';
import type { ActivitySet, ActivityStore, ActivityStoreLimits, ConversationOrigin, DirectLineActivity, NewActivity, StoredFile } from './activity-store.ts';

interface Kept {
  origin: ConversationOrigin;
  seq: number;
  activities: { seq: number; activity: DirectLineActivity }[];
  /** The `once` keys appended under, and the activity each gave. */
  once: Map<string, DirectLineActivity>;
  files: Map<string, StoredFile>;
  touchedAt: number;
}

export interface MemoryActivityStoreOptions extends ActivityStoreLimits {
  /** Conversations kept at most; the least recently used is forgotten first. Default 10 000. */
  maxConversations?: number;
}

/** The activity store of one process (`tripcare start`, tests): nothing is shared or survives a restart. */
export class MemoryActivityStore implements ActivityStore {
  readonly #conversations = new Map<string, Kept>();
  readonly #appended = new EventEmitter();
  readonly #clock: Clock;
  readonly #maxActivities: number;
  readonly #ttlMs: number;
  readonly #maxConversations: number;

  constructor(clock: Clock, options: MemoryActivityStoreOptions = {}) {
    this.#clock = clock;
    this.#maxActivities = options.maxActivities ?? defaultLimits.maxActivities;
    this.#ttlMs = (options.ttlSeconds ?? defaultLimits.ttlSeconds) * 1000;
    this.#maxConversations = options.maxConversations ?? 10_000;
    this.#appended.setMaxListeners(0);
  }

  async open(conversationId: string, origin: ConversationOrigin): Promise<void> {
    const kept = this.#get(conversationId) ?? { origin, seq: 0, activities: [], once: new Map(), files: new Map(), touchedAt: 0 };
    this.#touch(conversationId, { ...kept, origin: structuredClone(origin) });
    for (const oldest of this.#conversations.keys()) {
      if (this.#conversations.size <= this.#maxConversations) break;
      this.#conversations.delete(oldest);
    }
  }

  async origin(conversationId: string): Promise<ConversationOrigin | undefined> {
    const kept = this.#get(conversationId);
    return kept && structuredClone(kept.origin);
  }

  async append(conversationId: string, activity: NewActivity, once?: string): Promise<DirectLineActivity> {
    const kept = this.#get(conversationId);
    if (!kept) throw new UnknownConversationError(`no web-chat conversation ${conversationId}`);
    const earlier = once === undefined ? undefined : kept.once.get(once);
    if (earlier) return structuredClone(earlier);
    const seq = kept.seq + 1;
    const stored = { ...structuredClone(activity), id: activityId(conversationId, seq) };
    if (once !== undefined) kept.once.set(once, stored);
    this.#touch(conversationId, { ...kept, seq, activities: [...kept.activities, { seq, activity: stored }].slice(-this.#maxActivities) });
    this.#appended.emit(conversationId);
    return structuredClone(stored);
  }

  async since(conversationId: string, watermark: number): Promise<ActivitySet> {
    const after = (this.#get(conversationId)?.activities ?? []).filter((a) => a.seq > watermark);
    return { activities: structuredClone(after.map((a) => a.activity)), watermark: String(after.at(-1)?.seq ?? watermark) };
  }

  async putFile(conversationId: string, file: StoredFile): Promise<string> {
    const kept = this.#get(conversationId);
    if (!kept) throw new UnknownConversationError(`no web-chat conversation ${conversationId}`);
    const id = newFileId();
    kept.files.set(id, { ...file, bytes: Buffer.from(file.bytes) });
    return id;
  }

  async file(conversationId: string, fileId: string): Promise<StoredFile | undefined> {
    const file = this.#get(conversationId)?.files.get(fileId);
    return file && { ...file, bytes: Buffer.from(file.bytes) };
  }

  async watch(conversationId: string, listener: () => void): Promise<() => Promise<void>> {
    this.#appended.on(conversationId, listener);
    return async () => void this.#appended.off(conversationId, listener);
  }

  async close(): Promise<void> {
    this.#appended.removeAllListeners();
  }

  #get(conversationId: string): Kept | undefined {
    const kept = this.#conversations.get(conversationId);
    if (kept && kept.touchedAt + this.#ttlMs <= this.#clock.now().getTime()) {
      this.#conversations.delete(conversationId);
      return undefined;
    }
    return kept;
  }

  /** Re-inserts, so the map's order is least recently used first. */
  #touch(conversationId: string, kept: Kept): void {
    this.#conversations.delete(conversationId);
    this.#conversations.set(conversationId, { ...kept, touchedAt: this.#clock.now().getTime() });
  }
}
