import { createHash, randomBytes } from 'node:crypto';

/**
 * Letters and digits nobody misreads when a code is read out or copied from a screen:
 * no 0/O, no 1/I. Thirty-two of them, so each character carries exactly five random bits.
 */
const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const prefix = 'GD';

// Full-width forms are folded first (NFKC); dashes of any width and spaces may sit between the groups.
const separators = '[\\s\\-‐‑‒–—―_]*';
const group = `([${alphabet}]{4})`;
const codePattern = new RegExp(`(?<![A-Z0-9])${prefix}${separators}${group}${separators}${group}(?![A-Z0-9])`);

const fold = (text: string): string => text.normalize('NFKC').toUpperCase();

/** A new one-time code for binding a guide's chat account, e.g. `GD-7K3M-9QXA`: 40 random bits. */
export function newBindingCode(): string {
  const bits = randomBytes(5).readUIntBE(0, 5);
  const chars = Array.from({ length: 8 }, (_, i) => alphabet.charAt(Math.floor(bits / 32 ** (7 - i)) % 32));
  return `${prefix}-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** What is stored for a code: its SHA-256, alike however the code was typed (case, spaces, dashes). */
export const bindingCodeHash = (code: string): string =>
  createHash('sha256').update(`binding:${fold(code).replace(/[^A-Z0-9]/g, '')}`).digest('base64url');

/** The binding code a message contains, written the way it was issued; null when there is none. */
export function findBindingCode(text: string): string | null {
  const found = codePattern.exec(fold(text));
  return found ? `${prefix}-${found[1]}-${found[2]}` : null;
}
