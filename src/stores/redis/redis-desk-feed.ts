import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../../log.ts';
import { errorFields } from '../../log.ts';
import type { DeskEvent, DeskFeed } from '../../ports/desk-feed.ts';
import { parseJson } from '../../validation.ts';
import { errorLog } from '../service-errors.ts';
import { closeRedis, redisAddress } from './redis-connection.ts';

export interface RedisDeskFeedOptions {
  /** Starts the channel's name. Default `tripcare`. */
  prefix?: string;
  log?: Logger;
}

type TicketChange = Extract<DeskEvent, { kind: 'ticket' }>['change'];
// Keyed by change, so a change added to DeskEvent does not compile until it is listed here.
const ticketChanges: { [C in TicketChange]: C } = {
  opened: 'opened', claimed: 'claimed', assigned: 'assigned', closed: 'closed', handed_back: 'handed_back', shared: 'shared', alert: 'alert',
};

type IncidentChange = Extract<DeskEvent, { kind: 'incident' }>['change'];
const incidentChanges: { [C in IncidentChange]: C } = { opened: 'opened', page: 'page', acknowledged: 'acknowledged', outreach: 'outreach' };

/** A desk event as it comes off the channel; anything else there (another version, another program) is not one. */
const deskEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ticket'), caseId: z.string(), change: z.enum(ticketChanges) }),
  z.object({ kind: z.literal('message'), caseId: z.string() }),
  z.object({ kind: z.literal('incident'), incidentId: z.string(), change: z.enum(incidentChanges) }),
  z.object({ kind: z.literal('inbox'), change: z.literal('set_aside') }),
]) satisfies z.ZodType<DeskEvent>;

/**
 * Desk events on Redis pub/sub, channel `<prefix>:desk`: every process's consoles hear
 * every process's changes. Publishing uses the caller's connection; hearing needs a
 * connection of its own (a subscribed connection can do nothing else), opened on the first
 * subscribe and closed by `close()`. ioredis subscribes it again after a reconnect; events
 * published while it was away are missed, as pub/sub does not keep them.
 *
 * ```ts
 * const feed = new RedisDeskFeed(redis, { prefix: 'tripcare', log });
 * const stop = await feed.subscribe((event) => refresh(event));
 * await feed.publish({ kind: 'message', caseId: 'TC-7Q2K9M' });
 * ```
 */
export class RedisDeskFeed implements DeskFeed {
  readonly #redis: Redis;
  readonly #channel: string;
  readonly #log: Logger | undefined;
  /** One for every subscriber this feed opens: a Redis that is away fails each reconnection. */
  readonly #logSubscriberError: (e: unknown) => void;
  readonly #listeners = new Set<(event: DeskEvent) => void>();
  #subscriber: Promise<Redis> | undefined;

  /** `redis` stays the caller's to close. */
  constructor(redis: Redis, options: RedisDeskFeedOptions = {}) {
    this.#redis = redis;
    this.#channel = `${options.prefix ?? 'tripcare'}:desk`;
    this.#log = options.log;
    this.#logSubscriberError = options.log ? errorLog(options.log, 'desk_feed.subscriber_error', redisAddress(redis)) : () => {};
  }

  async publish(event: DeskEvent): Promise<void> {
    await this.#redis.publish(this.#channel, JSON.stringify(event));
  }

  async subscribe(listener: (event: DeskEvent) => void): Promise<() => void> {
    await this.#subscribed();
    // Its own entry, so the same function subscribed twice is two subscriptions.
    const entry = (event: DeskEvent) => listener(event);
    this.#listeners.add(entry);
    return () => this.#listeners.delete(entry);
  }

  /** Closes the connection that hears events; the shared one is left to its owner. */
  async close(): Promise<void> {
    this.#listeners.clear();
    const subscriber = await this.#subscriber?.catch(() => undefined);
    this.#subscriber = undefined;
    if (subscriber) await closeRedis(subscriber);
  }

  /** Resolves once Redis confirmed the SUBSCRIBE; tried again on the next subscribe if it failed. */
  #subscribed(): Promise<Redis> {
    this.#subscriber ??= this.#openSubscriber().catch((e: unknown) => {
      this.#subscriber = undefined;
      throw e;
    });
    return this.#subscriber;
  }

  async #openSubscriber(): Promise<Redis> {
    const subscriber = this.#redis.duplicate();
    subscriber.on('error', this.#logSubscriberError);
    subscriber.on('message', (_channel: string, text: string) => this.#receive(text));
    try {
      await subscriber.subscribe(this.#channel);
      return subscriber;
    } catch (e) {
      subscriber.disconnect();
      throw e;
    }
  }

  #receive(text: string): void {
    const parsed = parseJson(text, deskEventSchema);
    if ('error' in parsed) {
      // Not thrown: it would surface in ioredis's reply parser. The text is not logged, only that it came.
      this.#log?.warn('desk_feed.unreadable', {});
      return;
    }
    for (const listener of this.#listeners) {
      try {
        listener(parsed.data);
      } catch (e) {
        // One broken console must not keep the event from the others.
        this.#log?.warn('desk_feed.listener_failed', errorFields(e));
      }
    }
  }
}
