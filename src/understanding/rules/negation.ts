import type { Hit } from './cues.ts';

// A negation reaches only within its clause: punctuation and "but" end it.
const CLAUSE_BREAK = /[,!?;:。、\n]|\.(?!\d)|但是?|可是|不过|只是|(?<![a-z])(?:but|just|however|though)(?![a-z])/g;
const WINDOW = 40;

/** "no one was hurt / 没人受伤 / nearly drowned / 差点出事": the harm named next did not happen. */
export const DID_NOT_HAPPEN = new RegExp(
  [
    '(?:(?:没有?人|无人|没有|并没有|不是)[^就则]{0,4}|(?:没|未|无)[^就则]?|差点|差些|险些)$',
    "(?<![a-z])(?:(?:no one|nobody|no|not|none|never|without|wasn't|weren't|isn't|aren't|didn't|hasn't|haven't)(?:\\s+[a-z']+){0,2}|nearly|almost)\\s*$",
  ].join('|'),
);

/** True when `negator` ends the part of `hit`'s clause that precedes it. */
export function negated(text: string, hit: Hit, negator: RegExp): boolean {
  const before = text.slice(Math.max(0, hit.start - WINDOW), hit.start);
  let clauseStart = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(before); m !== null; m = CLAUSE_BREAK.exec(before)) {
    clauseStart = m.index + m[0].length;
  }
  return negator.test(before.slice(clauseStart));
}
