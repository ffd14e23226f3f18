import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line written while a request is handled carries (log.ts reads it). */
export interface RequestContext {
  readonly requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` as part of `context`: it, and all that it starts in the same async chain, see that context. */
export const withRequest = <T>(context: RequestContext, fn: () => T): T => storage.run(context, fn);

/** The context of the request being handled, if any. */
export const currentRequest = (): RequestContext | undefined => storage.getStore();

/**
 * The id of a request: a well-formed `x-request-id` it came with (from a proxy, or a client
 * retrying) when it is at most 64 of [A-Za-z0-9._-], else a fresh UUID. Anything else is
 * replaced rather than cleaned: it is echoed in a header and written to logs.
 */
export const requestIdFrom = (incoming: string | string[] | undefined): string =>
  typeof incoming === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(incoming) ? incoming : randomUUID();
