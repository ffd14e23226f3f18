import type { Entities } from '../../ports/understanding.ts';
import type { DangerSigns } from '../safety/danger.ts';
import { lexiconFeatures } from '../lexicon/lexicon.ts';

/** Past this many characters a message says nothing new about its labels, and costs time. */
const READ_CHARS = 1000;

const TOKEN = /(\p{sc=Han}+)|([a-z]+(?:'[a-z]+)*)|(\d+(?:[.,]\d+)*)|(\p{Extended_Pictographic})|([?!]+)/gu;

/** Chinese character n-grams up to this length: a word is mostly two or three characters. */
const CHAR_GRAMS = 3;

const lengthBucket = (n: number): string => (n <= 3 ? '3' : n <= 10 ? '10' : n <= 30 ? '30' : n <= 100 ? '100' : n <= 400 ? '400' : 'long');

function charGrams(run: string, into: Set<string>): void {
  const chars = Array.from(run);
  for (let i = 0; i < chars.length; i++) {
    let gram = 'h:';
    for (let n = 0; n < CHAR_GRAMS && i + n < chars.length; n++) {
      gram += chars[i + n] as string;
      into.add(gram);
    }
  }
}

/** Sub-word pieces of three and four letters, fastText-style, so a misspelt word still shares most of its pieces. */
function wordGrams(word: string, into: Set<string>): void {
  into.add(`w:${word}`);
  const padded = `<${word}>`;
  for (let n = 3; n <= 4; n++) for (let i = 0; i + n <= padded.length; i++) into.add(`c:${padded.slice(i, i + n)}`);
}

/** What the rules found in a message, besides its words. */
export interface Signs {
  /** Characters in the message as sent. */
  length: number;
  entities: Entities;
  danger: DangerSigns;
}

/**
 * The features of one message, as strings: Chinese character 1–3-grams, English words, word pairs
 * and sub-word pieces, numbers with the unit after them ("39度", "3 hours"), emoji, ? and !, the
 * opening, the length, which entities the rules found, the safety net's signs of danger and
 * time, and the domain words of the lexicon. `words` is the message folded to simplified Mandarin (Cantonese words and pinyin initials
 * rewritten), so both scripts share what they learn.
 */
export function featuresOf(words: string, signs: Signs): string[] {
  const read = words.slice(0, READ_CHARS);
  const { entities, danger } = signs;
  const found = new Set<string>([`len:${lengthBucket(signs.length)}`]);
  let previousWord: string | null = null;
  let first = true;
  for (const m of read.matchAll(TOKEN)) {
    const [token, han, word, number, emoji, marks] = m;
    if (first) found.add(`bos:${han ? han.slice(0, 2) : (word ?? (number ? '#' : token))}`);
    first = false;
    if (han) charGrams(han, found);
    if (word) {
      wordGrams(word, found);
      if (previousWord) found.add(`b:${previousWord}_${word}`);
    }
    previousWord = word ?? null;
    if (number) {
      found.add(`n:${number.replace(/[.,]/g, '').length}`);
      const after = /^\s?(\p{sc=Han}|[a-z]+)/u.exec(read.slice((m.index ?? 0) + token.length));
      if (after) found.add(`nu:${after[1]}`);
    }
    if (emoji) found.add(`e:${emoji}`);
    if (marks) found.add(`p:${marks.includes('?') ? '?' : ''}${marks.includes('!') ? (marks.length >= 3 ? '!!!' : '!') : ''}`);
  }
  if (entities.caseNumbers.length > 0) found.add('has:case_number');
  if (entities.tourCodes.length + entities.orderNumbers.length > 0) found.add('has:tour');
  if (entities.dates.length > 0) found.add('has:date');
  if (entities.amounts.length > 0) found.add('has:amount');
  if (entities.people !== null) found.add('has:people');
  if (entities.phones.length > 0) found.add('has:phone');
  if (danger.named) found.add(`danger:${danger.named}`);
  if (danger.over) found.add('danger:over');
  if (danger.resolved) found.add('danger:resolved');
  if (danger.named) found.add(`danger:${danger.named}:${danger.resolved ? 'resolved' : danger.over ? 'over' : danger.ongoing ? 'ongoing' : 'plain'}`);
  if (danger.ongoing) found.add('danger:ongoing');
  if (danger.vulnerable) found.add('danger:vulnerable');
  if (danger.worded) found.add('danger:worded');
  if (danger.alarming) found.add('danger:alarming');
  for (const f of lexiconFeatures(read)) found.add(f);
  return [...found];
}
