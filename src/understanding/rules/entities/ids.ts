import type { Masked } from './mask.ts';

// Mainland resident ID: 6-digit area, birth date, 3-digit sequence, ISO 7064 mod 11-2 check character.
const MAINLAND = /(?<![\da-z])\d{17}[\dx](?![\da-z])/g;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function validMainlandId(id: string): boolean {
  const upper = id.toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(upper)) return false;
  const year = Number(upper.slice(6, 10));
  const month = Number(upper.slice(10, 12));
  const day = Number(upper.slice(12, 14));
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(upper[i]), 0);
  return CHECK[sum % 11] === upper[17];
}

// Chinese passports (E/G + 8 digits, E + letter + 7 digits), HKSAR passports (H/K + 8 digits),
// or anything ID-like right after the word passport / 护照.
const PASSPORT = /(?<![\da-z])(?:[egkh]\d{8}|e[a-z]\d{7})(?![\da-z])|(?:护照|passport)(?:号码?|\s?(?:no\.?|number|#))?\s*(?:是|为|:|is)?\s*([a-z]{0,2}\d{6,9})(?![\da-z])/g;

// Hong Kong identity card: one or two letters, six digits, check digit (in brackets as printed).
const HKID_BRACKETS = /(?<![\da-z])([a-z]{1,2}\d{6})\s?\(([\da])\)/g;
const HKID_BARE = /(?<![\da-z])([a-z]{1,2}\d{6})([\da])(?![\da-z])/g;

function hkidCheck(body: string): string {
  const letters = body.length === 7 ? ` ${body}` : body;
  const value = (c: string): number => (c === ' ' ? 36 : /[a-z]/.test(c) ? c.charCodeAt(0) - 87 : Number(c));
  const sum = Array.from(letters).reduce((acc, c, i) => acc + value(c) * (9 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'a' : String(check);
}

/** ID cards and passports; printed HK IDs (with brackets) are taken as written, bare ones only with a valid check digit. */
export function takeIdNumbers(m: Masked): string[] {
  return [
    ...m.collect(MAINLAND, (x) => (validMainlandId(x[0]) ? x[0].toUpperCase() : null)),
    ...m.collect(PASSPORT, (x) => (x[1] ?? x[0]).toUpperCase()),
    ...m.collect(HKID_BRACKETS, (x) => `${x[1] ?? ''}(${x[2] ?? ''})`.toUpperCase()),
    ...m.collect(HKID_BARE, (x) => (hkidCheck(x[1] ?? '') === x[2] ? `${x[1] ?? ''}(${x[2]})`.toUpperCase() : null)),
  ];
}
