import type { Figure, FigureRole } from '../../../ports/understanding.ts';
import { CHINESE_NUMBER, ENGLISH_NUMBER, parseNumber } from './numbers.ts';

// Homophone typos of the words that give a figure its role ("团非3000" is the tour fee).
const TYPOS: [RegExp, string][] = [[/团[非废飞]/g, '团费'], [/差[家架]/g, '差价'], [/自[废非]/g, '自费']];

const CURRENCY_BEFORE: [string, string][] = [
  ['hk$', 'HKD'], ['nt$', 'TWD'], ['us$', 'USD'], ['a$', 'AUD'], ['s$', 'SGD'], ['新台币', 'TWD'], ['人民币', 'CNY'], ['hkd', 'HKD'],
  ['ntd', 'TWD'], ['twd', 'TWD'], ['usd', 'USD'], ['rmb', 'CNY'], ['cny', 'CNY'], ['eur', 'EUR'], ['gbp', 'GBP'], ['jpy', 'JPY'],
  ['thb', 'THB'], ['港币', 'HKD'], ['台币', 'TWD'], ['¥', 'CNY'], ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['฿', 'THB'],
];
const CURRENCY_AFTER: [string, string][] = [
  ['hk dollars', 'HKD'], ['nt dollars', 'TWD'], ['新台币', 'TWD'], ['人民币', 'CNY'], ['块钱', 'CNY'], ['港纸', 'HKD'], ['港币', 'HKD'],
  ['港元', 'HKD'], ['台币', 'TWD'], ['蚊人仔', 'CNY'], ['人仔', 'CNY'], ['美元', 'USD'], ['美金', 'USD'], ['欧元', 'EUR'], ['英镑', 'GBP'], ['日元', 'JPY'], ['日币', 'JPY'],
  ['泰铢', 'THB'], ['dollars', 'USD'], ['euros', 'EUR'], ['euro', 'EUR'], ['pounds', 'GBP'], ['yuan', 'CNY'], ['rmb', 'CNY'],
  ['cny', 'CNY'], ['hkd', 'HKD'], ['twd', 'TWD'], ['ntd', 'TWD'], ['usd', 'USD'], ['eur', 'EUR'], ['gbp', 'GBP'], ['jpy', 'JPY'],
  ['yen', 'JPY'], ['baht', 'THB'], ['thb', 'THB'], ['bucks', 'USD'], ['元', 'CNY'], ['块', 'CNY'], ['蚊', 'HKD'],
];
const escape = (s: string) => s.replace(/[$.]/g, '\\$&');
const alternation = (list: [string, string][]) => list.map(([w]) => escape(w)).join('|');
const currencyOf = new Map([...CURRENCY_BEFORE, ...CURRENCY_AFTER]);

const NUMBER = `(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${CHINESE_NUMBER}|${ENGLISH_NUMBER})`;
// 5万6 (56,000), 1.2万, 3k, 三千六 (read by parseNumber).
const SCALE = '(?:(k|千|万|w)(\\d)?(?![\\d]))?';
const FIGURE = new RegExp(
  `(?<![a-z0-9.])(?:(${alternation(CURRENCY_BEFORE)})\\s?)?${NUMBER}${SCALE}\\s?(${alternation(CURRENCY_AFTER)})?`,
  'g',
);
const SCALES: Record<string, number> = { k: 1000, 千: 1000, 万: 10_000, w: 10_000 };

/** Words right after a number that make it a count of a role ("两个卖茶叶的购物点", "three shopping stops"). */
const COUNTS: [RegExp, FigureRole][] = [
  [/^\s?(?:(?:个|家|间)[^,.;!?\d]{0,6}?)?(?:购物店|购物点|店|铺|shopping (?:stops?|places?)|shops?|extra (?:shops?|stops))/, 'occurrences'],
  [/^\s?(?:次|回|times)/, 'occurrences'],
  [/^\s?(?:个|处)?\s?(?:景点|attractions?|sights?)/, 'unticketedAttractions'],
];
/** "twice the guide took us into a shop". */
const TIMES_WORDS = /(?<![a-z])(once|twice|thrice)(?![a-z])/g;
const TIMES: Record<string, number> = { once: 1, twice: 2, thrice: 3 };
/** Words right after a number of days that make it the notice given. */
const DAYS_AFTER = /^\s?(?:天|日|days?)\s?(?:前|before|'? ?notice|in advance)/;
const DAYS_BEFORE = /(?:提前|前|before departure|notice of|提早)\s?$/;

/** Words before a figure (in its clause) that say what it is; the nearest wins. */
const ROLE_BEFORE: [RegExp, FigureRole | 'paid'][] = [
  [/(团费|团款|报名费|团价|旅费|(?<![a-z])fees?(?![a-z])|tour cost|tour price|the tour (?:was|cost)|package (?:was|cost))/, 'fee'],
  [/((?<![a-z])paid|cost us|total of|一共交|总共交|一共付|总共付|交了|付了|俾咗|畀咗)/, 'paid'],
  [/(差价|差额|价差|差了|少了|price difference|difference)/, 'priceDifference'],
  [/(门票|票价|表演票|啲飞|ticket|tix|entrance|admission)/, 'missedItemsCost'],
  [/(自费|额外收|多收|加收|另收|extra|optional|show)/, 'extrasCost'],
  [/(买了|买的|花了.{0,6}买|bought|spent)/, 'purchasePrice'],
  [/(附加费|加价|老人费|surcharge)/, 'surcharge'],
  [/(机票|改签|重新买|rebook|new tickets?|new flight)/, 'directLoss'],
  [/(自己付|自己出|自己花|打车|taxi)/, 'suspendedCosts'],
];
const PER_PERSON = /(每人|每个人|每位|一人|一个人|人均|each|per person|a head|per head|pp|apiece|\/人|\/person)/;
// Right after a bare number, these make it a sum: "70 each", "140 for two", "4900一个人".
const EACH_AFTER = /^\s?(?:each|per person|a head|apiece|pp|一人|一个人|每人|一位)(?![a-z])/;
const PARTY = '(?:(?:the |us |all )?(?:two|both|three|four|five|six|\\d+)(?: of us)?|us (?:both|all|two)|all of us|everyone)';
const TOTAL_AFTER = new RegExp(`^\\s?(?:for ${PARTY}|in total|total|altogether|all in|all together|一共|总共|合共)(?![a-z])`);
const EACH_BEFORE = /(?:每人|每个人|每位|人均|一人|一个人|per person|each)\s?(?:要|收|交|付|是|:)?\s?$/;
// What comes before a result: "so 360", "= 1,200", "两个就是200", "一共5200", "兩個即係400".
const TOTAL_BEFORE = /(?:(?<![a-z])so|=|所以|就是?|即系|即是|一共|总共|合共|共|total(?: of)?|in total|altogether|all in)\s?(?:是|交了|付了|掏了|花了|要|:)?\s?$/;
// A count of something else: nights, people, days, hours, stars, per cent.
const NOT_MONEY_AFTER = /^\s?(?:天|日|人|个|位|口|晚|夜|间|小时|点|号|月|岁|星|%|days?|nights?|people|persons|rooms?|hours?|hrs?|stars?|-star|o'clock|am|pm|years?|yrs?|kids?|adults?|of us|st|nd|rd|th|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?![a-z])|^[-/:.]\d/;
// Part of a code, a date or a time: "GZ-2611", "3/16", "10:30".
const PART_OF_CODE = /[-/:a-z]$/;
const APPROX_BEFORE = /(大概|大约|约|差不多|估计|about|around|approx(?:imately)?|roughly|~)\s?$/;
const APPROX_AFTER = /^\s?(左右|上下|多|来|ish|odd|or so)/;

/** The clause a figure stands in: back to the last punctuation. */
const clauseBefore = (text: string, at: number): string => {
  const before = text.slice(Math.max(0, at - 24), at);
  const cut = Math.max(...[...',，。.;；!！?？\n'].map((p) => before.lastIndexOf(p)));
  return before.slice(cut + 1);
};

function valueOf(n: string, scale: string | undefined, tail: string | undefined): number | null {
  const base = parseNumber(n);
  if (base === null) return null;
  const factor = SCALES[scale ?? ''] ?? 1;
  // 5万6 is 56,000; 3千5 is 3,500.
  const extra = tail !== undefined && factor > 1 ? Number(tail) * (factor / 10) : 0;
  return Math.round((base * factor + extra) * 100) / 100;
}

/**
 * The figures of folded text (normalize.ts), in the order written: sums of money and counts, each
 * with its role where the words around it say one. `inJapan` reads ¥ as yen.
 */
export function takeFigures(folded: string, inJapan = false): Figure[] {
  const text = TYPOS.reduce((t, [re, word]) => t.replace(re, word), folded);
  const figures: { at: number; figure: Figure }[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [whole, before, n, scale, tail, after] = m;
    const at = m.index ?? 0;
    const value = valueOf(n ?? '', scale, tail);
    if (value === null) continue;
    const rest = text.slice(at + whole.length, at + whole.length + 16);
    const clause = clauseBefore(text, at);
    const count = COUNTS.find(([re]) => re.test(rest))?.[1];
    const notice = DAYS_AFTER.test(rest) || (DAYS_BEFORE.test(clause) && /^\s?(?:天|日|days?)/.test(rest));
    const symbol = before ?? after;
    let currency = symbol ? (currencyOf.get(symbol) ?? null) : null;
    if (currency === 'CNY' && symbol === '¥' && inJapan) currency = 'JPY';
    // 一 of 一共, 两 of 两个人: a lone Chinese numeral is a figure only with a currency, a scale or a count.
    if (/^[零〇一二两俩三四五六七八九十]$/.test(n ?? '') && !currency && !scale && !count) continue;
    const roles = ROLE_BEFORE.map(([re, role]) => ({ role, at: clause.search(re) })).filter((r) => r.at >= 0).sort((a, b) => b.at - a.at);
    const paid = roles[0]?.role === 'paid';
    const moneyRole = paid ? null : ((roles[0]?.role ?? null) as FigureRole | null);
    const countOfOther = NOT_MONEY_AFTER.test(rest);
    const total = TOTAL_BEFORE.test(clause) || TOTAL_AFTER.test(rest);
    const money = currency !== null || EACH_AFTER.test(rest) || EACH_BEFORE.test(clause) || TOTAL_AFTER.test(rest)
      || (!count && !notice && !countOfOther && (moneyRole !== null || total || paid));
    const role: FigureRole | null = notice ? 'noticeDays' : count ?? (money ? moneyRole : null);
    // A bare number ("about 4,500 yes") is kept without a role: it can answer the question asked.
    if (!money && role === null && (countOfOther || PART_OF_CODE.test(text.slice(0, at)))) continue;
    const around = `${clause} ${rest}`;
    figures.push({
      at,
      figure: {
        role, value, currency, money, total, paid: money && paid,
        perPerson: money && !total && PER_PERSON.test(around),
        approx: APPROX_BEFORE.test(clause) || APPROX_AFTER.test(rest),
      },
    });
  }
  for (const m of text.matchAll(TIMES_WORDS)) {
    const figure: Figure = { role: 'occurrences', value: TIMES[m[1] ?? ''] ?? 1, currency: null, money: false, perPerson: false, approx: false, total: false, paid: false };
    figures.push({ at: m.index ?? 0, figure });
  }
  return figures.sort((a, b) => a.at - b.at).map((f) => f.figure);
}
