import { randomInt } from 'node:crypto';

/** Letters and digits a traveller cannot misread or mistype: no 0/O, 1/I/L, U. */
const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `prefix-` and six characters of the alphabet (30⁶ ≈ 729 million). */
function shortNumber(prefix: string): string {
  let id = '';
  for (let i = 0; i < 6; i++) id += alphabet[randomInt(alphabet.length)];
  return `${prefix}-${id}`;
}

/** A short case number to quote on the phone, e.g. `TC-7K3M9Q`. */
export const newCaseNumber = (): string => shortNumber('TC');

/** An incident's number, e.g. `IN-4H8W2C`: read out as easily as a case number. */
export const newIncidentNumber = (): string => shortNumber('IN');

/** A corrective action's number, e.g. `CA-9P2K7D`. */
export const newActionNumber = (): string => shortNumber('CA');
