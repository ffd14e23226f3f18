import { categories, problems as problemsByCategory } from '../../taxonomy.ts';
import type { Category, Problem } from '../../taxonomy.ts';
import { compile, distinct, findHits } from './cues.ts';
import type { Hit } from './cues.ts';
import { genericCues } from './generic.ts';
import { DID_NOT_HAPPEN, negated } from './negation.ts';
import { problemCues } from './problems.ts';
import { sentenceOf, sentences } from './sentences.ts';
import { topics } from './topics.ts';

type Named = Exclude<Problem, 'suggestion'>;

export interface Classified {
  category: Category;
  also: Category[];
  problems: Problem[];
}

const categoryOf = new Map<Problem, Category>(
  categories.flatMap((c) => problemsByCategory[c].map((p): [Problem, Category] => [p, c])),
);
const topicRes = categories.map((c) => ({ category: c, re: compile(topics[c]) }));
const problemRes = (Object.keys(problemCues) as Named[]).map((p) => ({ problem: p, re: compile(problemCues[p]) }));
const genericRes = genericCues.map((g) => ({ re: compile(g.cues), attach: g.attach }));

// A named problem weighs more than a complaint word placed by a topic, which weighs more
// than a mere mention. Safety and privacy outweigh what they happen in: a fall on a tour is a safety case.
const NAMED = 3;
const NAMED_HEAVY = 4;
const PLACED = 2;
const heavy = new Set<Category>(['safety', 'privacy']);

interface Evidence {
  score: number;
  first: number;
  problems: Set<Problem>;
}

function add(ev: Map<Category, Evidence>, category: Category, score: number, at: number, problem: Problem | null): void {
  const e = ev.get(category) ?? { score: 0, first: at, problems: new Set<Problem>() };
  e.score += score;
  e.first = Math.min(e.first, at);
  if (problem !== null) e.problems.add(problem);
  ev.set(category, e);
}

/** Highest score; on a tie, the category the message raised first. */
function best(ev: Map<Category, Evidence>): Category | null {
  let top: [Category, Evidence] | null = null;
  for (const entry of ev) {
    const [, e] = entry;
    if (top === null || e.score > top[1].score || (e.score === top[1].score && e.first < top[1].first)) top = entry;
  }
  return top === null ? null : top[0];
}

/** Safety words in "no one was hurt" name nothing that happened. */
const happened = (text: string, category: Category, hits: readonly Hit[]): Hit[] =>
  category === 'safety' ? hits.filter((h) => !negated(text, h, DID_NOT_HAPPEN)) : [...hits];

const overlaps = (a: Hit, b: Hit): boolean => a.start < b.end && b.start < a.end;

/** Places each complaint word with the nearest topic of its sentence that it can attach to. */
function placeGeneric(text: string, topicHits: Map<Category, Hit[]>, namedHits: readonly Hit[], into: Map<Category, Evidence>): void {
  const spans = sentences(text);
  for (const { re, attach } of genericRes) {
    const seen = new Set<string>();
    for (const hit of findHits(re, text)) {
      // A word already counted in a named problem is not counted again.
      if (namedHits.some((n) => overlaps(n, hit))) continue;
      const sentence = sentenceOf(spans, hit.start);
      let nearest: { category: Category; distance: number } | null = null;
      for (const [category, hits] of topicHits) {
        if (!(category in attach)) continue;
        for (const t of hits) {
          if (overlaps(t, hit) || t.start < sentence.start || t.start >= sentence.end) continue;
          const distance = Math.abs(t.start - hit.start);
          if (nearest === null || distance < nearest.distance) nearest = { category, distance };
        }
      }
      if (nearest === null || seen.has(`${nearest.category}:${hit.text}`)) continue;
      seen.add(`${nearest.category}:${hit.text}`);
      add(into, nearest.category, PLACED, hit.start, attach[nearest.category] ?? null);
    }
  }
}

/**
 * Categories from `text` (folded and rewritten). `byTopic` says whether a topic
 * alone may decide ("I want to complain about my booking") when no problem is named.
 */
export function classify(text: string, byTopic: boolean): Classified {
  const named = new Map<Category, Evidence>();
  const namedHits: Hit[] = [];
  for (const { problem, re } of problemRes) {
    const category = categoryOf.get(problem);
    if (category === undefined) continue;
    const hits = happened(text, category, findHits(re, text));
    if (hits.length === 0) continue;
    add(named, category, (heavy.has(category) ? NAMED_HEAVY : NAMED) * distinct(hits), hits[0]?.start ?? 0, problem);
    namedHits.push(...hits);
  }

  const topicHits = new Map<Category, Hit[]>();
  for (const { category, re } of topicRes) {
    const hits = happened(text, category, findHits(re, text));
    if (hits.length > 0) topicHits.set(category, hits);
  }
  placeGeneric(text, topicHits, namedHits, named);

  let category = best(named);
  if (category === null && byTopic) {
    const mentioned = new Map<Category, Evidence>();
    for (const [c, hits] of topicHits) add(mentioned, c, Math.min(distinct(hits), 2), hits[0]?.start ?? 0, null);
    category = best(mentioned);
  }
  if (category === null) return { category: 'other', also: [], problems: [] };

  const primary = category;
  const also = [...named.keys()].filter((c) => c !== primary && c !== 'other');
  const problems = [primary, ...also].flatMap((c) => [...(named.get(c)?.problems ?? [])]);
  return { category: primary, also, problems };
}
