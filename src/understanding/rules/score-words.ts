import { fold } from './normalize.ts';

// A satisfaction score said in words; longer phrases first, so 非常满意 is not read as 满意.
const SCORES: [RegExp, number][] = [
  [/非常不满意|很不满意|极差|非常差|很差|太差|terrible|awful|very poor|very bad|very dissatisfied/, 1],
  [/不满意|不太满意|不好|较差|差|poor|bad|dissatisfied|not good/, 2],
  [/一般|还行|还可以|凑合|ok|okay|so-so|average|fine|neutral/, 3],
  [/非常满意|很满意|超级满意|非常好|很好|完美|excellent|very good|very satisfied|perfect|great/, 5],
  [/满意|不错|好|good|satisfied/, 4],
];

/** The 1–5 score a traveller typed in words ("非常满意", "poor"); null when the words give none. */
export function scoreInWords(text: string): number | null {
  const t = fold(text).trim();
  if (t.length > 20) return null; // a sentence is a comment, not a score
  return SCORES.find(([words]) => words.test(t))?.[1] ?? null;
}
