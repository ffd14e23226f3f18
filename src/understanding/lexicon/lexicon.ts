import { categories } from '../../taxonomy.ts';
import type { Problem } from '../../taxonomy.ts';
import { compile, findHits, matches } from '../rules/cues.ts';
import { DID_NOT_HAPPEN, negated } from '../rules/negation.ts';
import { genericCues } from './generic.ts';
import { problemCues } from './problems.ts';
import { signalWords } from './signals.ts';
import { topics } from './topics.ts';

const topicRes = categories.map((c) => ({ c, re: compile(topics[c]) }));
const problemRes = (Object.keys(problemCues) as Exclude<Problem, 'suggestion'>[]).map((p) => ({ p, re: compile(problemCues[p]) }));
const signalRes = Object.entries(signalWords).map(([name, cues]) => ({ name, re: compile(cues) }));
const genericRes = genericCues.map((cues, i) => ({ i, re: compile(cues) }));

/** Domain words the model could not learn from so few examples, as features: topics, named problems, complaint words. */
export function lexiconFeatures(words: string): string[] {
  const out: string[] = [];
  for (const { c, re } of topicRes) if (matches(re, words)) out.push(`topic:${c}`);
  for (const { p, re } of problemRes) if (findHits(re, words).some((h) => !negated(words, h, DID_NOT_HAPPEN))) out.push(`cue:${p}`);
  for (const { i, re } of genericRes) if (matches(re, words)) out.push(`gen:${i}`);
  for (const { name, re } of signalRes) if (findHits(re, words).some((h) => !negated(words, h, DID_NOT_HAPPEN))) out.push(`sig:${name}`);
  return out;
}
