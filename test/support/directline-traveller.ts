import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DirectLineActivity } from '../../adapters/webchat/activity-store.ts';

/** The base URL (`http://127.0.0.1:port`) of a `web` process to send the next request to, as a load balancer picks one. */
export type PickWeb = () => string;

/** One message a traveller sent, and what became of it. */
export interface SentMessage {
  text: string;
  clientActivityID: string;
  /** The highest activity sequence the traveller had seen when sending: replies to this message come after it. */
  seenBefore: number;
  firstTryAt: number;
  /** The first 2xx answer to a POST of it (the system accepted it), or null. */
  acceptedAt: number | null;
  /** POSTs made (1 when the first went through); the outcome of each failed one (status or error code). */
  attempts: number;
  failures: string[];
  /** The echo's sequence number in the conversation, from the POST's answer. */
  echoSeq: number | null;
  /** When a bot activity after `seenBefore` was first seen, or null. */
  answeredAt: number | null;
}

export interface TravellerOptions {
  pick: PickWeb;
  /** WEBCHAT_SECRET: the traveller's page gets its token from a server holding it, as from Azure's. */
  secret: string;
  /** The address a reverse proxy in front of `web` would name in X-Forwarded-For (TRUST_PROXY=1): limits are per traveller. */
  address: string;
  locale: 'en' | 'zh-CN';
  /** How long a POST may take before the client gives up on it and sends it again; Web Chat's Direct Line waits 20 s. */
  postTimeoutMs?: number;
  /** Between polls of `GET …/activities`; Web Chat's Direct Line polls every second. */
  pollMs?: number;
  /** Bot activities that answer no message (the bot writing by itself): not taken for a reply. */
  notAReply?: (activity: DirectLineActivity) => boolean;
}

/** A failed request: the HTTP status, or the error code (ECONNREFUSED, timeout…). */
class RequestFailed extends Error {
  readonly outcome: string;
  readonly retryAfterMs: number;
  constructor(outcome: string, retryAfterMs = 0) {
    super(`request failed: ${outcome}`);
    this.outcome = outcome;
    this.retryAfterMs = retryAfterMs;
  }
}

/** The sequence number in an activity id `<conversationId>|<seq>`. */
export const seqOf = (activityId: string): number => Number(activityId.slice(activityId.lastIndexOf('|') + 1));

const causeCode = (e: unknown): string => {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return 'timeout';
  const cause = e instanceof Error ? (e.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : e instanceof Error ? e.message.slice(0, 60) : String(e);
};

/**
 * A traveller on web chat speaking Direct Line 3.0 over HTTP as Web Chat does: a token from
 * `tokens/generate`, `POST /conversations`, messages posted with a `clientActivityID` (a failed
 * POST is sent again with the same one), replies read by polling `GET …/activities?watermark=`.
 * Every request goes to a `web` process `pick` names; one that fails is tried again on the next.
 */
export class DirectLineTraveller {
  readonly userId = `traveller-${randomUUID().slice(0, 8)}`;
  readonly messages: SentMessage[] = [];
  /** Every activity seen, by sequence number. */
  readonly seen = new Map<number, DirectLineActivity>();
  conversationId = '';
  token = '';
  readonly #options: Required<TravellerOptions>;
  #watermark = '';

  constructor(options: TravellerOptions) {
    this.#options = { postTimeoutMs: 20_000, pollMs: 1_000, notAReply: () => false, ...options };
  }

  get locale(): 'en' | 'zh-CN' {
    return this.#options.locale;
  }

  /** The highest sequence number seen so far (0 before any). */
  get lastSeq(): number {
    return Math.max(0, ...this.seen.keys());
  }

  /** Starts a conversation, trying until `deadline` (Date.now()); a new token each try, as a page reloading would. */
  async begin(deadline: number): Promise<void> {
    for (;;) {
      try {
        const issued = await this.#request('POST', '/v3/directline/tokens/generate', { bearer: this.#options.secret, body: { locale: this.#options.locale } }) as { token: string; conversationId: string };
        const started = await this.#request('POST', '/v3/directline/conversations', { bearer: issued.token, body: {} }) as { token: string; conversationId: string };
        this.conversationId = started.conversationId;
        this.token = started.token;
        return;
      } catch (e) {
        if (Date.now() > deadline) throw e;
        await this.#pause(e);
      }
    }
  }

  /**
   * Posts a message, sending it again with the same clientActivityID after each failure (an error
   * status, a lost connection, no answer within the POST timeout) until one is accepted or `deadline`.
   */
  async say(text: string, deadline: number): Promise<SentMessage> {
    const message: SentMessage = {
      text, clientActivityID: `c-${randomUUID()}`, seenBefore: this.lastSeq, firstTryAt: Date.now(),
      acceptedAt: null, attempts: 0, failures: [], echoSeq: null, answeredAt: null,
    };
    this.messages.push(message);
    const activity = {
      type: 'message', from: { id: this.userId, role: 'user' }, text, textFormat: 'plain',
      locale: this.#options.locale === 'en' ? 'en-US' : 'zh-CN',
      channelData: { clientActivityID: message.clientActivityID, clientTimestamp: new Date().toISOString() },
    };
    for (;;) {
      message.attempts++;
      try {
        const answer = await this.#request('POST', `/v3/directline/conversations/${this.conversationId}/activities`, { bearer: this.token, body: activity, timeoutMs: this.#options.postTimeoutMs }) as { id: string };
        message.acceptedAt = Date.now();
        message.echoSeq = seqOf(answer.id);
        return message;
      } catch (e) {
        message.failures.push(e instanceof RequestFailed ? e.outcome : causeCode(e));
        if (Date.now() > deadline) return message;
        await this.#pause(e);
      }
    }
  }

  /**
   * Polls until a bot activity comes after what the traveller had seen when sending `message`,
   * then until none more comes for `quietMs` (a turn may say several things). Resolves to the
   * bot activities of that stretch; empty if none came by `deadline`.
   */
  async awaitReply(message: SentMessage, deadline: number, quietMs = 600): Promise<DirectLineActivity[]> {
    let quietSince = 0;
    let count = 0;
    for (;;) {
      await this.poll().catch(() => undefined);
      const replies = this.botActivitiesAfter(message.seenBefore);
      if (replies.length > 0 && message.answeredAt === null) message.answeredAt = Date.now();
      if (replies.length !== count) {
        count = replies.length;
        quietSince = Date.now();
      }
      if (count > 0 && Date.now() - quietSince >= quietMs) return replies;
      if (Date.now() > deadline) return replies;
      await sleep(this.#options.pollMs);
    }
  }

  botActivitiesAfter(seq: number): DirectLineActivity[] {
    return [...this.seen.entries()].filter(([s, a]) => s > seq && a.from.role === 'bot' && !this.#options.notAReply(a)).sort(([a], [b]) => a - b).map(([, a]) => a);
  }

  /** One `GET …/activities` from the watermark on; what came is added to `seen`. */
  async poll(): Promise<void> {
    const set = await this.#request('GET', `/v3/directline/conversations/${this.conversationId}/activities?watermark=${this.#watermark}`, { bearer: this.token, timeoutMs: 10_000 }) as { activities: DirectLineActivity[]; watermark: string };
    for (const activity of set.activities) this.seen.set(seqOf(activity.id), activity);
    if (set.activities.length > 0) this.#watermark = set.watermark;
  }

  /** The whole history, read afresh from the start (watermark 0), trying until `deadline`. */
  async history(deadline: number): Promise<DirectLineActivity[]> {
    for (;;) {
      try {
        const set = await this.#request('GET', `/v3/directline/conversations/${this.conversationId}/activities?watermark=0`, { bearer: this.token, timeoutMs: 10_000 }) as { activities: DirectLineActivity[] };
        return set.activities;
      } catch (e) {
        if (Date.now() > deadline) throw e;
        await this.#pause(e);
      }
    }
  }

  async #pause(e: unknown): Promise<void> {
    const wait = e instanceof RequestFailed && e.retryAfterMs > 0 ? e.retryAfterMs : 300 + Math.random() * 700;
    await sleep(Math.min(wait, 5_000));
  }

  async #request(method: 'GET' | 'POST', path: string, init: { bearer: string; body?: unknown; timeoutMs?: number }): Promise<unknown> {
    const base = this.#options.pick();
    const headers: Record<string, string> = { authorization: `Bearer ${init.bearer}`, 'x-forwarded-for': this.#options.address };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), signal: AbortSignal.timeout(init.timeoutMs ?? 10_000),
      });
    } catch (e) {
      throw new RequestFailed(causeCode(e));
    }
    let text: string;
    try {
      text = await res.text();
    } catch (e) {
      throw new RequestFailed(causeCode(e));
    }
    if (!res.ok) throw new RequestFailed(String(res.status), Number(res.headers.get('retry-after') ?? 0) * 1000);
    return JSON.parse(text) as unknown;
  }
}
