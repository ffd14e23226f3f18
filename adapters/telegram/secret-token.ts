import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/**
 * Whether the `X-Telegram-Bot-Api-Secret-Token` header carries the secret, compared
 * in constant time (over digests, so neither the content nor the length leaks).
 */
export function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  return typeof header === 'string' && timingSafeEqual(digest(header), digest(secret));
}
