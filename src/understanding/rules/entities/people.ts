import type { Masked } from './mask.ts';
import { CHINESE_NUMBER, ENGLISH_NUMBER, parseNumber } from './numbers.ts';

const NUM = `(\\d{1,3}|${CHINESE_NUMBER})`;
const EN = `(\\d{1,3}|${ENGLISH_NUMBER})`;

// 5个人, 二十几人, 20多位游客; not 人民币, 人家, 人均, 两人间, 十个人一桌 (table size), 几百人 (a chat group).
const HEADS = new RegExp(`(?<![\\d几数上每百千])${NUM}(?:几|多)?\\s?(?:个|位|名)?\\s?(?:人|大人|成人|游客|团友|旅客)(?!民|家|均|次|间|房|份|头|工|一桌|一围|一台)`, 'g');
const HOUSEHOLD = new RegExp(`一家${NUM}口`, 'g');
const ADULTS_CHILDREN = new RegExp(`${NUM}个?大人?\\s?[,和加]?\\s?${NUM}个?(?:小孩|小朋友|儿童|小)`, 'g');
const PAIR = /我们俩|我们两个|我俩|我们两人|夫妻俩|两夫妻|两公婆/g;
const EN_HEADS = new RegExp(
  `(?<![a-z0-9])(?:all )?${EN} (?:of us|people|persons|travell?ers|adults|pax|passengers|tourists|guests)(?![a-z])|(?:family|group|party) of ${EN}(?![a-z0-9])|we are ${EN}(?![a-z0-9])`,
  'g',
);
const EN_ADULTS_CHILDREN = new RegExp(`${EN} adults? and ${EN} (?:kids?|children|child|teens?)`, 'g');

const num = (s: string | undefined): number => parseNumber(s ?? '') ?? 0;

/** How many travellers the message speaks for: the largest head count it gives, or null. */
export function takePeople(m: Masked): number | null {
  const counts = [
    ...m.collect(ADULTS_CHILDREN, (x) => num(x[1]) + num(x[2])),
    ...m.collect(EN_ADULTS_CHILDREN, (x) => num(x[1]) + num(x[2])),
    ...m.collect(HOUSEHOLD, (x) => num(x[1])),
    ...m.collect(PAIR, () => 2),
    ...m.collect(HEADS, (x) => num(x[1])),
    ...m.collect(EN_HEADS, (x) => num(x[1] ?? x[2] ?? x[3])),
  ].filter((c) => c >= 2 && c < 10_000);
  return counts.length === 0 ? null : Math.max(...counts);
}
