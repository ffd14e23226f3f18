import type { DictGroup, DictLike } from 'opencc-js';

/**
 * opencc's conversion (longest match first, left to right) over opencc-js's own dictionaries, each
 * group held as one map of phrases rather than opencc-js's trie of a Map per character: the same
 * output (checked on the whole corpus in test/understanding/script.test.ts) in about a third of the
 * memory, which a chat server holds for as long as it runs.
 */
export function dictionaryConverter(...groups: readonly DictGroup[]): (text: string) => string {
  const dictionaries = groups.map((group) => new PhraseDictionary(group));
  return (text) => dictionaries.reduce((converted, dictionary) => dictionary.convert(converted), text);
}

class PhraseDictionary {
  readonly #phrases = new Map<string, string>();
  /** The longest phrase (in UTF-16 units) starting with each code point. */
  readonly #longest = new Map<number, number>();

  constructor(group: DictGroup) {
    // As opencc-js loads a group: in reverse, so where two dictionaries have a phrase, the first wins.
    for (const dictionary of [...group].reverse()) {
      for (const [from, to] of pairs(dictionary)) {
        this.#phrases.set(from, to);
        const first = from.codePointAt(0) as number;
        this.#longest.set(first, Math.max(this.#longest.get(first) ?? 0, from.length));
      }
    }
  }

  convert(text: string): string {
    let out = '';
    let i = 0;
    while (i < text.length) {
      const match = this.#match(text, i);
      if (match) {
        out += match.to;
        i += match.length;
      } else {
        const length = unmatchedLength(text, i);
        out += text.slice(i, i + length);
        i += length;
      }
    }
    return out;
  }

  #match(text: string, at: number): { to: string; length: number } | null {
    for (let length = Math.min(this.#longest.get(text.codePointAt(at) as number) ?? 0, text.length - at); length > 0; length--) {
      const to = this.#phrases.get(text.slice(at, at + length));
      if (to !== undefined) return { to, length };
    }
    return null;
  }
}

/** A dictionary's pairs: opencc-js's packed `from to|from to` text, or pairs already. */
function pairs(dictionary: DictLike): (readonly [string, string])[] {
  if (typeof dictionary !== 'string') return [...dictionary];
  return dictionary.split('|').map((entry) => {
    const [from = '', to = ''] = entry.split(' ');
    return [from, to] as const;
  });
}

/** Code units of one character, or of a whole ideographic description sequence (⿰氵青), left as written. */
function unmatchedLength(text: string, at: number): number {
  const end = descriptionEnd(text, at);
  return end > at ? end - at : unitsAt(text, at);
}

const unitsAt = (text: string, at: number) => ((text.codePointAt(at) as number) > 0xffff ? 2 : 1);

/** Operands each ideographic description character takes (U+2FF0–U+2FFF): 0 for any other character. */
function operands(codePoint: number): number {
  if (codePoint === 0x2ff2 || codePoint === 0x2ff3) return 3;
  return codePoint >= 0x2ff0 && codePoint <= 0x2fff ? 2 : 0;
}

/** Where the description sequence starting at `at` ends; 0 when none starts there or it is cut short. */
function descriptionEnd(text: string, at: number): number {
  const count = operands(text.codePointAt(at) as number);
  if (count === 0) return 0;
  let i = at + unitsAt(text, at);
  for (let k = 0; k < count; k++) {
    if (i >= text.length) return 0;
    i = descriptionEnd(text, i) || i + unitsAt(text, i);
  }
  return i;
}
