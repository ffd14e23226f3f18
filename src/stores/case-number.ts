import { randomInt } from 'node:crypto';

/** Letters and digits a traveller cannot misread or mistype: no 0/O, 1/I/L, U. */
const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short case number to quote on the phone, e.g. `TC-7K3M9Q` (30⁶ ≈ 729 million). */
export function newCaseNumber(): string {
  let id = '';
  for (let i = 0; i < 6; i++) id += alphabet[randomInt(alphabet.length)];
  return `TC-${id}`;
}
