import { toHongKong, toSimplified, toTaiwan } from '../understanding/rules/script.ts';
import type { WordingRequest } from '../ports/wording.ts';

/** Why a rephrased reply was not sent, the template going out instead. */
export type WordingFault = 'length' | 'script' | 'placeholder' | 'url' | 'number' | 'money' | 'promise' | 'question';

/** The longest rephrasing sent: a chat message, not a letter. */
const maxLength = 600;

/**
 * Checks a rephrased reply against what the template says. Null when it may be sent,
 * else the first rule it breaks. An LLM adds words; it must never add facts: no amounts, no
 * promises, no links, nothing in another script, and nothing it was not given.
 */
export function checkWording(text: string, request: WordingRequest): WordingFault | null {
  const given = [request.template, ...request.facts].join('\n');
  const rules: [WordingFault, () => boolean][] = [
    ['length', () => badLength(text, request.template)],
    ['placeholder', () => placeholder.test(text)],
    ['url', () => link.test(text)],
    ['script', () => wrongScript(text, request.locale, given)],
    ['money', () => newMatches(text, money, request.template)],
    ['number', () => newNumbers(text, given) || newMatches(text, numberWords, given)],
    ['promise', () => newMatches(text, promises, request.template)],
    ['question', () => request.step === 'restate' && !/[?？]/.test(text)],
  ];
  return rules.find(([, breaks]) => breaks())?.[0] ?? null;
}

const badLength = (text: string, template: string): boolean => {
  const length = text.trim().length;
  // Much shorter than the template means facts were dropped.
  return length < template.length / 4 || length > Math.min(maxLength, 2 * template.length);
};

// A redaction placeholder the answer invented or kept, or a `{param}` left unfilled.
const placeholder = /\[\\*[A-Z][A-Z_]*_\d+\]|\{\w+\}/;
const link = /https?:|www\.|[\w.-]+@[\w-]+\.|\b[\w-]+\.(?:com|cn|net|org|tw|hk|io|me|ly|co|cc|info|top|xyz)\b/i;

const han = /\p{Script=Han}/u;
// Kana, Hangul, Cyrillic, Arabic, Thai…: no locale of ours is written in them.
const foreign = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Thai}\p{Script=Hebrew}\p{Script=Devanagari}]/u;
const traditionalOnly = (c: string) => toSimplified(c) !== c;
// Changed by both Taiwan and Hong Kong conversions: written only in simplified.
const simplifiedOnly = (c: string) => toTaiwan(c) !== c && toHongKong(c) !== c;

/** Characters or words the locale is not written in, unless they came from the facts (a tour's name in Chinese). */
function wrongScript(text: string, locale: WordingRequest['locale'], given: string): boolean {
  if (foreign.test(text)) return true;
  const chars = [...text].filter((c) => !given.includes(c));
  if (locale === 'en') return !/[A-Za-z]/.test(text) || chars.some((c) => han.test(c));
  if (!han.test(text)) return true;
  const latinWords = text.match(/[A-Za-z]{2,}/g) ?? [];
  if (latinWords.some((word) => !given.toLowerCase().includes(word.toLowerCase()))) return true;
  return chars.some(locale === 'zh-CN' ? traditionalOnly : simplifiedOnly);
}

/** Digits not found among the given numbers: the LLM never makes up a figure. */
function newNumbers(text: string, given: string): boolean {
  const numbersIn = (s: string) => (s.normalize('NFKC').match(/\d(?:[\d,.]*\d)?/g) ?? []).map((n) => n.replace(/,/g, ''));
  const known = new Set(numbersIn(given));
  return numbersIn(text).some((n) => !known.has(n));
}

/** Matches of `pattern` in the text that `allowed` does not have too. */
function newMatches(text: string, pattern: RegExp, allowed: string): boolean {
  const lower = allowed.normalize('NFKC').toLowerCase();
  return (text.normalize('NFKC').match(pattern) ?? []).some((m) => !lower.includes(m.toLowerCase()));
}

const money = new RegExp([
  String.raw`[¥￥$€£₩]`,
  String.raw`[\d〇零一二两兩三四五六七八九十百千万萬亿億]\s*(?:元|块|塊|圓)`,
  '美元|美金|港币|港幣|台币|台幣|人民币|人民幣|欧元|歐元|日元|日圓',
  String.raw`\b(?:RMB|CNY|TWD|NTD|USD|HKD|EUR|yuan|dollars?|euros?|pounds?)\b`,
].join('|'), 'gi');

// Chinese quantities (三位, 两晚, 一万) and English ones; single 一 alone is too common to count.
const numberWords = new RegExp([
  String.raw`[〇零一二两兩三四五六七八九十]+[百千万萬亿億]+`,
  String.raw`[〇零二两兩三四五六七八九十]+(?:位|个|個|人|名|天|晚|夜|次|倍|成|折|小时|小時|%)`,
  String.raw`\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|percent|half)\b`,
].join('|'), 'gi');

// Words that commit the agency to something only policy may offer.
const promises = new RegExp([
  String.raw`\b(?:refund\w*|compensat\w*|reimburs\w*|guarantee\w*|promis\w*|vouchers?|discounts?|free of charge|money back|cash back|make it up)\b`,
  '赔偿|賠償|赔付|賠付|退款|退费|退費|退钱|退錢|补偿|補償|保证|保證|担保|擔保|承诺|承諾|代金券|优惠|優惠|免费|免費|返还|返還|报销|報銷',
].join('|'), 'gi');
