import { TelegramError } from 'telegraf';

export interface RetryOptions {
  /** Tries of one call, the first included. Default 4. */
  attempts: number;
  /** The longest `retry_after` (429) waited for; a longer one fails the call at once. Default 30 s. */
  maxRetryAfterMs: number;
  /** The wait before retrying a 5xx or a network failure, doubled each time. Default 500 ms. */
  backoffMs: number;
}

export const defaultRetryOptions: RetryOptions = { attempts: 4, maxRetryAfterMs: 30_000, backoffMs: 500 };

/**
 * How long to wait before trying a failed Bot API call again (the `attempt`-th
 * failure, from 1), or null to give up: 429 waits what Telegram asks, 5xx and
 * network failures back off, anything else (400, 403: blocked by the user) is final.
 */
export function retryDelay(error: unknown, attempt: number, options: RetryOptions): number | null {
  if (attempt >= options.attempts) return null;
  if (error instanceof TelegramError) {
    if (error.code === 429) {
      const ms = (error.parameters?.retry_after ?? 1) * 1000;
      return ms <= options.maxRetryAfterMs ? ms : null;
    }
    return error.code >= 500 ? options.backoffMs * 2 ** (attempt - 1) : null;
  }
  // node-fetch's FetchError (refused, reset, DNS) and our per-request timeout.
  const network = error instanceof Error && (error.name === 'FetchError' || error.name === 'AbortError' || error.name === 'TimeoutError');
  return network ? options.backoffMs * 2 ** (attempt - 1) : null;
}

/** The Bot API's error code of a failure, or null for a network failure. */
export const errorCode = (error: unknown): number | null => (error instanceof TelegramError ? error.code : null);
