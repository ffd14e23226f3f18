import type { ServerResponse } from 'node:http';
import type { RateLimiter } from '../ports/rate-limits.ts';
import { clientAddress } from './client-address.ts';
import { sendJson } from './server.ts';
import type { Handler } from './server.ts';

/** Retry-After's value: whole seconds, at least 1. */
export const retryAfter = (ms: number): string => String(Math.max(1, Math.ceil(ms / 1000)));

/** Answers 429 with Retry-After. */
export function tooMany(res: ServerResponse, retryAfterMs: number, error = 'too many requests; wait and try again'): void {
  res.setHeader('retry-after', retryAfter(retryAfterMs));
  sendJson(res, 429, { error });
}

/** Counts one request of `key`; over the limit, answers 429 and resolves false. */
export async function admit(res: ServerResponse, limiter: RateLimiter, key: string, error?: string): Promise<boolean> {
  const verdict = await limiter.take(key);
  if (!verdict.allowed) tooMany(res, verdict.retryAfterMs, error);
  return verdict.allowed;
}

/**
 * Wraps handlers so they answer only requests within `limiter`'s limit per client address
 * (see `clientAddress`); the others get 429 before anything is read.
 */
export const perAddress = (limiter: RateLimiter, trustProxy: number, error?: string) => (handler: Handler): Handler => async (req, res) => {
  if (await admit(res, limiter, clientAddress(req, trustProxy), error)) await handler(req, res);
};
