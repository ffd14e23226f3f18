import type { Logger } from '../log.ts';
import { errorCode, errorFields } from '../log.ts';

// One rule for an I/O error's code, in log.ts: the code `errorFields` logs is the one `reach` names.
export { errorCode };

const defaultPorts: Record<string, string> = { 'redis:': '6379', 'rediss:': '6379', 'postgres:': '5432', 'postgresql:': '5432' };

/** `host:port` of a service's URL: what logs and errors name, never the user or the password. */
export function addressOf(url: string): string {
  const { protocol, hostname, port } = new URL(url);
  return `${hostname || 'localhost'}:${port || defaultPorts[protocol] || '?'}`;
}

/**
 * Resolves as `attempt()` does, or fails after `timeoutMs`; either way a failure names the
 * service, its address and the error code (the connection's latest, `lastCode()`, first),
 * never the password nor message text.
 */
export async function reach<T>(service: string, url: string, timeoutMs: number, attempt: () => Promise<T>, lastCode: () => string | null = () => null): Promise<T> {
  const late = new Error('no answer');
  let timer: NodeJS.Timeout | undefined;
  // Armed before the attempt starts, so it fires before a driver's own timeout of the same length.
  const timedOut = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(late), timeoutMs)));
  try {
    return await Promise.race([attempt(), timedOut]);
  } catch (e) {
    const code = lastCode() ?? errorCode(e);
    const what = e === late ? `did not answer within ${timeoutMs} ms` : 'failed';
    throw new Error(`${service} at ${addressOf(url)} ${what}${code ? ` (${code})` : ''}`, { cause: e });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A listener for a connection's errors that logs them as `event` with their `errorFields`
 * (code, errno, syscall) and the service's address, never their message. A service that is
 * away fails every reconnection, so after one line at most one more goes out per `everyMs`,
 * counting the ones left out.
 */
export function errorLog(log: Logger, event: string, address: string, everyMs = 30_000): (e: unknown) => void {
  let loggedAt = -Infinity;
  let leftOut = 0;
  return (e) => {
    const now = Date.now();
    if (now - loggedAt < everyMs) {
      leftOut++;
      return;
    }
    // The service's address (host and port, as it was configured) over the socket's.
    log.warn(event, { ...errorFields(e), address, leftOut });
    loggedAt = now;
    leftOut = 0;
  };
}

/** What a socket-level error reaching a service means, by its code, for a start-up error naming the URL. */
export const socketMeanings: Record<string, string> = {
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name does not resolve now',
  ECONNREFUSED: 'nothing listens at that port',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
};
