import type { Language } from '../../taxonomy.ts';
import { toHongKong, toSimplified, toTaiwan } from './script.ts';

export interface DetectedLanguage {
  language: Language | null;
  unsupported: boolean;
}

// The start of a message is enough to tell its language; it bounds the cost on huge input.
const SAMPLE = 3000;
// Telling simplified from traditional converts the text twice: a few sentences are enough.
const VARIANT_SAMPLE = 400;
const LETTERS = /(\p{sc=Han})|(\p{sc=Hiragana}|\p{sc=Katakana})|(\p{sc=Hangul})|(\p{sc=Latin})|(\p{L})/gu;
const LATIN_WORD = /\p{sc=Latin}+(?:'\p{sc=Latin}+)?/gu;
const CODE = /[\p{sc=Latin}\d]*\d[\p{sc=Latin}\d-]*/gu;

// Characters of written Cantonese that Mandarin does not use (or rarely): they make a text zh-Hant.
const CANTONESE = /[唔佢嘅咗冇啲嘢喺嚟睇哋嗰咩㗎噉嘥攞諗啱搵揾嬲瞓畀乜咁嘞喇囉噃喎晒咪揸]/gu;

// Function words that only English, or only some other Latin-script language, uses.
const ENGLISH = new Set(
  ('the and is was were are i we you it to of in on for with my our this that not but have has had at be ' +
    "they he she me us no yes a an please hi hello thanks thank what why how when can could would will i'm " +
    "it's we're don't didn't there their your from after before all any been by so just got get very").split(' '),
);
const FOREIGN = new Set(
  ('le la les est et une des du je nous vous avec pour très était pas ne qui sur mais dans cette il elle au aux ' +
    'sont été avons el los las y es una muy pero con por para nos que del nadie está estaba fue llegó ' +
    'der die das und ist war nicht wir ich sie ein eine mit sehr auf für zu uns haben wollen es ' +
    'della che è sono era molto ci gli não um muito foi nós het een niet van wij zijn ook ' +
    'yang dan di tidak sangat kami saya ini itu').split(' '),
);

function countDiff(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let n = 0;
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) n++;
  return n;
}

function chineseVariant(sample: string): Language {
  const traditional = countDiff(sample, toSimplified(sample)) + (sample.match(CANTONESE)?.length ?? 0);
  const toTw = Array.from(toTaiwan(sample));
  const toHk = Array.from(toHongKong(sample));
  const chars = Array.from(sample);
  // Simplified-only: changed both ways, so no traditional writer would use it (台 is kept by Taiwan).
  let simplified = 0;
  chars.forEach((c, i) => {
    if (toTw[i] !== undefined && toHk[i] !== undefined && toTw[i] !== c && toHk[i] !== c) simplified++;
  });
  return traditional > simplified ? 'zh-Hant' : 'zh-Hans';
}

function latinIsEnglish(sample: string): boolean {
  let english = 0;
  let foreign = 0;
  for (const [w] of sample.toLowerCase().matchAll(LATIN_WORD)) {
    if (ENGLISH.has(w)) english++;
    else if (FOREIGN.has(w)) foreign++;
    // Accented letters are foreign unless English words outnumber them ("café").
    else if (/[^a-z']/.test(w)) foreign++;
  }
  return english >= foreign;
}

/** Script-level language: Han decides Chinese even inside English words; kana, hangul and other scripts are unsupported. */
export function detectLanguage(text: string): DetectedLanguage {
  // Codes and numbers (TC-9P2L7X, GZ-2611-A, 3999) are in no language.
  const sample = text.slice(0, SAMPLE).toWellFormed().replace(CODE, ' ');
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let latin = 0;
  let other = 0;
  for (const m of sample.matchAll(LETTERS)) {
    if (m[1] !== undefined) han++;
    else if (m[2] !== undefined) kana++;
    else if (m[3] !== undefined) hangul++;
    else if (m[4] !== undefined) latin++;
    else other++;
  }
  const latinWords = sample.match(LATIN_WORD)?.length ?? 0;
  if (han + kana + hangul + latin + other === 0) return { language: null, unsupported: false };
  const unsupported = { language: null, unsupported: true };
  if (kana >= 2 && kana * 4 >= han) return unsupported;
  if (hangul >= 2 && hangul >= han) return unsupported;
  if (han > 0 && han * 2 >= latinWords && han >= other) return { language: chineseVariant(sample.slice(0, VARIANT_SAMPLE)), unsupported: false };
  if (other > latin) return unsupported;
  if (latinWords === 0) return { language: null, unsupported: false };
  return latinIsEnglish(sample) ? { language: 'en', unsupported: false } : unsupported;
}
