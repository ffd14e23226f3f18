import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * WeChat's request signature: SHA-1 of the parts sorted and joined. `signature`
 * signs token, timestamp and nonce; in safe mode `msg_signature` also signs the
 * `Encrypt` payload.
 */
export const wechatSignature = (...parts: string[]): string => createHash('sha1').update([...parts].sort().join('')).digest('hex');

/** Compares a signature WeChat sent with the one expected, in constant time. */
export function signatureMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined || !/^[0-9a-f]{40}$/i.test(given)) return false;
  return timingSafeEqual(Buffer.from(given.toLowerCase(), 'latin1'), Buffer.from(expected, 'latin1'));
}
