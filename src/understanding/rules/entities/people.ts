import type { Masked } from './mask.ts';
import { CHINESE_NUMBER, ENGLISH_NUMBER, parseNumber } from './numbers.ts';

const NUM = `(\\d{1,3}|${CHINESE_NUMBER})`;
const EN = `(\\d{1,3}|${ENGLISH_NUMBER})`;

// 5个人, 二十几人, 20多位游客; not 人民币, 人家, 人均, 两人间, 十个人一桌 (table size), 几百人 (a chat group).
const HEADS = new RegExp(`(?<![\\d几数上每百千])${NUM}(?:几|多)?\\s?(?:个|位|名)?\\s?(?:人|大人|成人|游客|团友|旅客)(?!民|家|均|次|间|房|份|头|工|一桌|一围|一台)`, 'g');
const HOUSEHOLD = new RegExp(`一家${NUM}口`, 'g');
const ADULTS_CHILDREN = new RegExp(`${NUM}个?大人?\\s?[,和加]?\\s?${NUM}个?(?:小孩|小朋友|儿童|小)`, 'g');
const PAIR = /我们俩|我们两个|我俩|我们两人|夫妻俩|两夫妻|两公婆|两口子|我们二人/g;
// "我跟我老公", "me and my husband": the writer and one other, when no count says more.
const ME_AND_ONE = /我(?:跟|和|同|与)我?(?:老公|老婆|爱人|先生|太太|妈|爸|母亲|父亲|闺蜜|男朋友|女朋友|男友|女友|朋友|儿子|女儿|老妈|老爸|妈妈|爸爸|老母|老豆)(?![们哋和跟同与,、])|(?<![a-z])(?:me|i) (?:and|\+|&) my (?:husband|wife|partner|son|daughter|mum|mom|mother|dad|father|friend|boyfriend|girlfriend|fiancée?|sister|brother)(?! and|,)|(?<![a-z])my (?:husband|wife|partner) and i(?! and|,)/g;
const BOTH = /(?<![a-z])(?:(?:the )?both of us|the two of us|us two|us both)(?![a-z])/g;
const EN_HEADS = new RegExp(
  `(?<![a-z0-9])(?:all )?${EN} (?:of us|people|persons|travell?ers|adults|pax|passengers|tourists|guests)(?![a-z])|(?:family|group|party) of ${EN}(?![a-z0-9])|we are ${EN}(?![a-z0-9])`,
  'g',
);
// "我们三个人", "我哋四个", "4 of us", "we are 3", "family of 5": the writer's own party.
const OURS = new RegExp(`(?:我们|我哋|我地)(?:一家|全家)?${NUM}(?:个|位)?(?:人)?|(?<![a-z0-9])(?:all )?${EN} of us(?![a-z])`, 'g');
const EN_ADULTS_CHILDREN = new RegExp(`${EN} adults? and ${EN} (?:kids?|children|child|teens?)`, 'g');

const num = (s: string | undefined): number => parseNumber(s ?? '') ?? 0;

const plausible = (counts: number[]) => counts.filter((c) => c >= 2 && c < 10_000);

/**
 * How many travellers the message speaks for, or null. The writer's own party ("一家三口", "4 of us",
 * "me and my son") wins over other head counts ("最多15个人" is the promised group size); among
 * those, the largest.
 */
export function takePeople(m: Masked): number | null {
  const party = plausible([
    ...m.collect(ADULTS_CHILDREN, (x) => num(x[1]) + num(x[2])),
    ...m.collect(EN_ADULTS_CHILDREN, (x) => num(x[1]) + num(x[2])),
    ...m.collect(HOUSEHOLD, (x) => num(x[1])),
    ...m.collect(PAIR, () => 2),
    ...m.collect(BOTH, () => 2),
    ...m.collect(OURS, (x) => num(x[1] ?? x[2])),
  ]);
  const others = plausible([...m.collect(HEADS, (x) => num(x[1])), ...m.collect(EN_HEADS, (x) => num(x[1] ?? x[2] ?? x[3]))]);
  const pair = plausible(m.collect(ME_AND_ONE, () => 2));
  const counts = party.length > 0 ? party : others.length > 0 ? others : pair;
  return counts.length === 0 ? null : Math.max(...counts);
}
