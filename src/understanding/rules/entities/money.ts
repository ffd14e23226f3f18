import type { Money } from '../../../money.ts';
import type { Masked } from './mask.ts';
import { CHINESE_NUMBER, parseNumber } from './numbers.ts';

// Longest first within each list so that "hk$" wins over "$" and "港元" over "元".
const BEFORE: [string, string][] = [
  ['hk$', 'HKD'], ['nt$', 'TWD'], ['us$', 'USD'], ['a$', 'AUD'], ['s$', 'SGD'], ['新台币', 'TWD'], ['人民币', 'CNY'],
  ['hkd', 'HKD'], ['ntd', 'TWD'], ['twd', 'TWD'], ['usd', 'USD'], ['rmb', 'CNY'], ['cny', 'CNY'], ['eur', 'EUR'],
  ['gbp', 'GBP'], ['jpy', 'JPY'], ['thb', 'THB'], ['港币', 'HKD'], ['港元', 'HKD'], ['台币', 'TWD'], ['美元', 'USD'],
  ['美金', 'USD'], ['¥', 'CNY'], ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'],
];
const AFTER: [string, string][] = [
  ['hk dollars', 'HKD'], ['nt dollars', 'TWD'], ['新台币', 'TWD'], ['人民币', 'CNY'], ['块钱', 'CNY'], ['dollars', 'USD'],
  ['dollar', 'USD'], ['euros', 'EUR'], ['euro', 'EUR'], ['pounds', 'GBP'], ['bucks', 'USD'], ['yuan', 'CNY'], ['baht', 'THB'],
  ['rmb', 'CNY'], ['cny', 'CNY'], ['hkd', 'HKD'], ['ntd', 'TWD'], ['twd', 'TWD'], ['usd', 'USD'], ['eur', 'EUR'],
  ['gbp', 'GBP'], ['jpy', 'JPY'], ['yen', 'JPY'], ['港币', 'HKD'], ['港元', 'HKD'], ['港纸', 'HKD'], ['台币', 'TWD'],
  ['美元', 'USD'], ['美金', 'USD'], ['欧元', 'EUR'], ['英镑', 'GBP'], ['日元', 'JPY'], ['泰铢', 'THB'], ['元', 'CNY'],
  ['块', 'CNY'], ['蚊', 'HKD'],
];
const currencyOf = new Map([...BEFORE, ...AFTER]);
const alternation = (list: [string, string][]): string => list.map(([w]) => w.replace(/[$.]/g, '\\$&')).join('|');

const NUMBER = `(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${CHINESE_NUMBER})`;
const SCALE = '(k(?![a-z])|千|万|w(?![a-z]))?';
const MONEY = new RegExp(
  `(?<![a-z0-9])(${alternation(BEFORE)})\\s?${NUMBER}${SCALE}(?:\\s?(?:${alternation(AFTER)}))?` +
    // Not inside a longer number: "3,000" is not "000", 三千 is not 千.
    `|(?<![\\d.零〇一二两三四五六七八九十百千万亿])(?<!\\d,)${NUMBER}${SCALE}\\s?(${alternation(AFTER)})(?![a-z])`,
  'g',
);
const SCALES: Record<string, number> = { k: 1000, 千: 1000, 万: 10_000, w: 10_000 };

function read(x: RegExpExecArray): Money | null {
  const [, before, n1, s1, n2, s2, after] = x;
  const amount = parseNumber(n1 ?? n2 ?? '');
  const currency = currencyOf.get(before ?? after ?? '');
  if (amount === null || currency === undefined) return null;
  const value = amount * (SCALES[s1 ?? s2 ?? ''] ?? 1);
  const next = x.input.slice(x.index + x[0].length, x.index + x[0].length + 1);
  // 一块去 ("together") and 一块蛋糕 are not money; 一蚊都唔退 ("not a cent") names no sum.
  if ((after === '块' && value < 10 && /\p{sc=Han}/u.test(next) && next !== '钱') || (value <= 1 && /[都也]/.test(next))) return null;
  return { amount: Math.round(value * 100) / 100, currency };
}

/** Sums of money that name their currency (a bare "380" is left alone). */
export function takeAmounts(m: Masked): Money[] {
  const seen = new Set<string>();
  return m.collect(MONEY, read).filter((a) => {
    const key = `${a.amount}${a.currency}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
