import { toSimplified } from './script.ts';

// Control characters (newlines aside) separate words; format characters (zero-width, bidi
// overrides), variation selectors and emoji skin tones carry nothing and would break keyword runs.
const CONTROL = /[^\P{Cc}\n]/gu;
const INVISIBLE = /\p{Cf}|\uFE0E|\uFE0F|\p{Emoji_Modifier}/gu;

/**
 * The text every matcher sees: well-formed, no invisible characters, NFKC
 * (full-width letters, digits and punctuation become ASCII: `，` → `,`),
 * lower-case, straight quotes, and simplified Chinese.
 */
export function fold(text: string): string {
  const plain = text
    .toWellFormed()
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL, ' ')
    .replace(INVISIBLE, '')
    // A Chinese comma separates clauses, never thousands: "500，500港币" is two sums.
    .replace(/，/g, ', ')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"');
  return toSimplified(plain);
}
