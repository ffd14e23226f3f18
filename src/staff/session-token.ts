import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new session token: 32 random bytes, base64url. Goes only into the cookie. */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

/** What is stored for a token. 256 random bits need no slow hash: SHA-256 cannot be guessed back. */
export const sessionTokenHash = (token: string): string => createHash('sha256').update(`session:${token}`).digest('base64url');

/**
 * The CSRF token of a session, derived from its token: bound to the session,
 * nothing more to store, and it does not give the session token away.
 */
export const csrfTokenFor = (sessionToken: string): string => createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}
