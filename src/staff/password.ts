import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** CPU and memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/** OWASP's first choice for scrypt (128 MiB, about half a second). Raise here; old hashes keep theirs. */
export const scryptDefaults: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

const keyLength = 32;
const saltLength = 16;

function derive(password: string, salt: Buffer, { N, r, p }: ScryptParams): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node refuses more than maxmem, 32 MiB unless raised.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (e, key) => (e ? reject(e) : resolve(key)));
  });
}

/** `scrypt$N=131072,r=8,p=1$<salt>$<key>`, salt and key in base64url: the parameters travel with the hash. */
export async function hashPassword(password: string, params: ScryptParams = scryptDefaults): Promise<string> {
  const salt = randomBytes(saltLength);
  const key = await derive(password, salt, params);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

const format = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/;

/** Whether `password` is the one `stored` was made from; compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = format.exec(stored);
  if (!match) throw new Error('stored password hash is not in scrypt$N=…,r=…,p=…$salt$key form');
  const [, N, r, p, salt, key] = match;
  const expected = Buffer.from(key ?? '', 'base64url');
  const actual = await derive(password, Buffer.from(salt ?? '', 'base64url'), { N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export const minPasswordLength = 12;

const characterClasses = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{Ll}\p{Lu}\p{N}]/u];

/** Why `password` is too weak, or null when it will do. */
export function passwordWeakness(password: string): string | null {
  if ([...password].length < minPasswordLength) return `The password must be at least ${minPasswordLength} characters long.`;
  if (characterClasses.filter((c) => c.test(password)).length < 2) {
    return 'The password must mix at least two kinds of characters: lower-case letters, upper-case letters, digits, others.';
  }
  return null;
}
