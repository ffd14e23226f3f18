/** Chinese and English number words, for amounts, dates and head counts. */

export const CHINESE_NUMBER = '[零〇一二两俩三四五六七八九十百千万亿]+';

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const GROUPS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** 三千 → 3000, 两千五 → 2500 (the spoken short form), 一万二 → 12000, 二零二六 → 2026; null when not a number. */
export function parseChinese(s: string): number | null {
  const chars = Array.from(s);
  if (chars.every((c) => c in DIGITS)) return chars.length === 0 ? null : Number(chars.map((c) => DIGITS[c]).join(''));
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = 1;
  let afterZero = false;
  for (const c of chars) {
    const d = DIGITS[c];
    const unit = UNITS[c];
    const group = GROUPS[c];
    if (d !== undefined) {
      afterZero ||= d === 0;
      digit = d;
    } else if (unit !== undefined) {
      section += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
      afterZero = false;
    } else if (group !== undefined) {
      total += (section + (digit ?? 0) || 1) * group;
      section = 0;
      digit = null;
      lastUnit = group;
      afterZero = false;
    } else {
      return null;
    }
  }
  // A digit right after a unit is the next unit down: 两千五 is 2500, not 2005.
  if (digit !== null) section += afterZero || lastUnit === 1 ? digit : digit * (lastUnit / 10);
  return total + section;
}

const ENGLISH: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, dozen: 12,
};

export const ENGLISH_NUMBER = `(?:${Object.keys(ENGLISH).join('|')})`;

/** Digits, an English number word, or Chinese numerals. */
export function parseNumber(s: string): number | null {
  const plain = s.replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(plain)) return Number(plain);
  return ENGLISH[s] ?? parseChinese(s);
}
