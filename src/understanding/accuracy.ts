import { categories, flags, severities } from '../taxonomy.ts';
import type { Category, Flag, Language, Severity } from '../taxonomy.ts';

/** The labels a message is scored on: what a human wrote down, or what the understanding said. */
export interface Labels {
  language: Language | null;
  category: Category;
  also: readonly Category[];
  severity: Severity;
  flags: readonly Flag[];
}

export interface Pair {
  expected: Labels;
  predicted: Labels;
}

/** Precision and recall of one value; null where undefined (nothing predicted, or nothing expected). */
export interface ValueScore {
  /** How many messages carry this value in the expected labels. */
  support: number;
  predicted: number;
  correct: number;
  precision: number | null;
  recall: number | null;
}

export type Confusion<T extends string> = Record<T, Record<T, number>>;

export interface AccuracyReport {
  total: number;
  language: number | null;
  category: number | null;
  severity: number | null;
  /** Secondary categories, counted per category named. */
  also: ValueScore;
  flags: Record<Flag, ValueScore>;
  byCategory: Record<Category, ValueScore>;
  bySeverity: Record<Severity, ValueScore>;
  /** confusion[expected][predicted] */
  categoryConfusion: Confusion<Category>;
  severityConfusion: Confusion<Severity>;
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);

function score(support: number, predicted: number, correct: number): ValueScore {
  return { support, predicted, correct, precision: ratio(correct, predicted), recall: ratio(correct, support) };
}

/** Scores one value that each message either has or has not. */
function presence(pairs: readonly Pair[], has: (l: Labels) => boolean): ValueScore {
  let support = 0;
  let predicted = 0;
  let correct = 0;
  for (const { expected, predicted: p } of pairs) {
    const e = has(expected);
    const q = has(p);
    if (e) support++;
    if (q) predicted++;
    if (e && q) correct++;
  }
  return score(support, predicted, correct);
}

function perValue<T extends string>(values: readonly T[], pairs: readonly Pair[], of: (l: Labels) => T): Record<T, ValueScore> {
  return Object.fromEntries(values.map((v) => [v, presence(pairs, (l) => of(l) === v)])) as Record<T, ValueScore>;
}

function confusion<T extends string>(values: readonly T[], pairs: readonly Pair[], of: (l: Labels) => T): Confusion<T> {
  const table = Object.fromEntries(values.map((e) => [e, Object.fromEntries(values.map((p) => [p, 0]))])) as Confusion<T>;
  for (const { expected, predicted } of pairs) table[of(expected)][of(predicted)] += 1;
  return table;
}

function agreement(pairs: readonly Pair[], same: (e: Labels, p: Labels) => boolean): number | null {
  return ratio(pairs.filter((x) => same(x.expected, x.predicted)).length, pairs.length);
}

export function accuracy(pairs: readonly Pair[]): AccuracyReport {
  const also = pairs.reduce(
    (acc, { expected, predicted }) => {
      const hit = predicted.also.filter((c) => expected.also.includes(c)).length;
      return { support: acc.support + expected.also.length, predicted: acc.predicted + predicted.also.length, correct: acc.correct + hit };
    },
    { support: 0, predicted: 0, correct: 0 },
  );
  return {
    total: pairs.length,
    language: agreement(pairs, (e, p) => e.language === p.language),
    category: agreement(pairs, (e, p) => e.category === p.category),
    severity: agreement(pairs, (e, p) => e.severity === p.severity),
    also: score(also.support, also.predicted, also.correct),
    flags: Object.fromEntries(flags.map((f) => [f, presence(pairs, (l) => l.flags.includes(f))])) as Record<Flag, ValueScore>,
    byCategory: perValue(categories, pairs, (l) => l.category),
    bySeverity: perValue(severities, pairs, (l) => l.severity),
    categoryConfusion: confusion(categories, pairs, (l) => l.category),
    severityConfusion: confusion(severities, pairs, (l) => l.severity),
  };
}

/** A confusion matrix as fixed-width text: rows are expected values, columns predicted. */
export function confusionTable<T extends string>(table: Confusion<T>): string {
  const values = Object.keys(table) as T[];
  const width = Math.max(8, ...values.map((v) => v.length)) + 1;
  const cell = (s: string | number): string => String(s).padStart(width);
  const head = cell('') + values.map((v) => cell(v)).join('');
  return [head, ...values.map((e) => cell(e) + values.map((p) => cell(table[e][p])).join(''))].join('\n');
}
