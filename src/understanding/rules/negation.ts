import type { Hit } from './cues.ts';

// A negation reaches only within its clause: punctuation and "but" end it.
const CLAUSE_BREAK = /[,!?;:。、\n]|\.(?!\d)|但是?|可是|不过|只是|(?<![a-z])(?:but|just|however|though)(?![a-z])/g;
const WINDOW = 40;

/** "I don't need / no need for / 不需要 / 唔使 …": the traveller declines the thing named next. */
export const DECLINING = new RegExp(
  [
    '(?:不需要|不用|不要|不必|无需|毋须|用不着|不使|不洗|不想要|不求|不是要|不是想要|并不想)[^就则]{0,4}$',
    "(?<![a-z])(?:no need(?: for| to)?|don't need|do not need|dont need|don't want|do not want|dont want|not asking for|not looking for|not after|no)(?:\\s+[a-z']+){0,2}\\s*$",
  ].join('|'),
);

/** "I won't go to the media / 不会去曝光": the traveller rules the threat out. */
export const RULING_OUT = new RegExp(
  [
    '(?:不会|不想|不打算|没打算|不至于|不是要|不要)[^就则]{0,5}$',
    "(?<![a-z])(?:won't|will not|wont|not going to|don't want to|do not want to|no need to|not planning to)(?:\\s+[a-z']+){0,3}\\s*$",
  ].join('|'),
);

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
