import { fold } from './normalize.ts';
import { toSimplified } from './script.ts';

/**
 * A keyword. Strings are folded like the text (so they may be written in either
 * script); ASCII words match whole words, and a trailing `*` makes a word a
 * prefix (`injur*`). RegExps are written against folded text (lower-case,
 * simplified) and are used as they are.
 */
export type Cue = string | RegExp;

export interface Hit {
  start: number;
  end: number;
  text: string;
}

const SPECIAL = /[.*+?^${}()|[\]\\]/g;

function literal(cue: string): string {
  const prefix = cue.endsWith('*');
  const word = fold(prefix ? cue.slice(0, -1) : cue);
  let source = word.replace(SPECIAL, '\\$&');
  if (/^[a-z0-9]/.test(word)) source = `(?<![a-z0-9])${source}`;
  if (!prefix && /[a-z0-9]$/.test(word)) source += '(?![a-z0-9])';
  return source;
}

/** One alternation for a whole table, built once; without the `u` flag, which makes it slower and no cue needs. */
export function compile(cues: readonly Cue[]): RegExp {
  const parts = cues.map((cue) => (typeof cue === 'string' ? literal(cue) : `(?:${toSimplified(cue.source)})`));
  return new RegExp(parts.join('|'), 'g');
}

/** Every non-overlapping match, left to right. The RegExp is shared, so lastIndex is reset each time. */
export function findHits(re: RegExp, text: string): Hit[] {
  const hits: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex += 1;
      continue;
    }
    hits.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return hits;
}

export function matches(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/** Distinct matched words: a word said five times is still one piece of evidence. */
export function distinct(hits: readonly Hit[]): number {
  return new Set(hits.map((h) => h.text)).size;
}
