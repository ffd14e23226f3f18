import { APIConnectionTimeoutError, APIError, RateLimitError } from 'openai';

/** Why the rules answered instead of the model. */
export type FallbackReason = 'invalid_output' | 'timeout' | 'rate_limited' | 'server_error' | 'error';

/** The model answered, but not with JSON of our schema. */
export class InvalidOutputError extends Error {
  override name = 'InvalidOutputError';
}

export function fallbackReason(e: unknown): FallbackReason {
  if (e instanceof InvalidOutputError) return 'invalid_output';
  if (e instanceof APIConnectionTimeoutError) return 'timeout';
  if (e instanceof RateLimitError) return 'rate_limited';
  if (e instanceof APIError && typeof e.status === 'number' && e.status >= 500) return 'server_error';
  return 'error';
}
