import { compile, matches } from './cues.ts';

// "不是5号，是15号", "唔係兩個係三個", "not the 5th": what follows the denial, up to the next 是 or punctuation.
// The comma after it goes too, so what is affirmed keeps the words before the denial ("团费唔系3,800，系4,800": the fee is 4,800).
const DENIED_ZH = /(?:不是|唔系|并不是|而不是|并非)((?:\d,\d|[^是系,，。.;；!！?？\n]){1,16}(?:[,，]\s?)?)/g;
const DENIED_EN = /(?<![a-z])(?:not|isn't|wasn't|weren't)\s+((?:the |a |an |only |just )?[^,.;!?\n]{1,24}?)(?=\s+but\b|[,.;!?\n]|$)/g;
// Only a denied figure, date or count is taken back: "not very good" denies nothing we keep.
const HAS_FIGURE = /[\d零〇一二两三四五六七八九十百千万]|first|second|third|[0-9]+(?:st|nd|rd|th)|one|two|three|four|five|six|seven|eight|nine|ten/;

/** Folded text with what it denies blanked (same length, so positions hold): the facts it gives are the ones it affirms. */
export function withoutDenied(folded: string): string {
  const blank = (whole: string, denied: string) => (HAS_FIGURE.test(denied) ? whole.replace(denied, ' '.repeat(denied.length)) : whole);
  return folded.replace(DENIED_ZH, (whole, denied: string) => blank(whole, denied)).replace(DENIED_EN, (whole, denied: string) => blank(whole, denied));
}

// A traveller putting right what was understood, or changing their mind.
const CORRECTING = compile([
  '不对', '不是', '错了', '搞错', '弄错', '说错', '写错', '打错', '更正', '纠正', '其实', '应该是', '改一下', '改成', '改主意', '改变主意', '算了', '唔啱', '唔系', '讲错',
  /^no\b/, 'not ', 'actually', 'i meant', 'correction', 'wrong', 'changed my mind', 'change my mind', 'instead', 'rather', 'sorry, it',
]);

/** Whether the text corrects something said before (or changes the traveller's mind). */
export const corrects = (folded: string): boolean => matches(CORRECTING, folded);
