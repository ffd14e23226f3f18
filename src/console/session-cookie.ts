import type { IncomingMessage } from 'node:http';

/**
 * The session cookie. `__Host-` makes browsers insist on Secure, Path=/ and no Domain,
 * so no other host (not even a subdomain) can set it. Browsers accept Secure cookies
 * from http://localhost and http://127.0.0.1 too, so the same cookie serves local runs and tests.
 */
export const sessionCookieName = '__Host-tc_session';

/** Session tokens are 32 random bytes in base64url (see `newSessionToken`). */
const tokenFormat = /^[\w-]{43}$/;

/** The Set-Cookie value carrying `token` for `maxAgeSeconds`; `''` and 0 clear it. */
export const sessionCookie = (token: string, maxAgeSeconds: number): string =>
  `${sessionCookieName}=${token}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}`;

/**
 * The session token from the Cookie header: strictly the one cookie name, once,
 * in token form. A second cookie of the name makes it ambiguous, so none is read.
 */
export function sessionToken(req: IncomingMessage): string | undefined {
  const values = (req.headers.cookie ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${sessionCookieName}=`))
    .map((pair) => pair.slice(sessionCookieName.length + 1));
  const [token] = values;
  return values.length === 1 && token !== undefined && tokenFormat.test(token) ? token : undefined;
}
