import type { Understood } from '../ports/understanding.ts';
import { categories, flags, intents, severities } from '../taxonomy.ts';
import type { Flag } from '../taxonomy.ts';
import type { Labelled } from './corpus.ts';

/** One message: what a person labelled, and what the understanding read. */
export interface Pair {
  expected: Labelled;
  predicted: Understood;
}

/** Precision, recall and F1 of a yes/no judgement over messages; null where undefined. */
export interface Detection {
  support: number;
  predicted: number;
  correct: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export type Confusion = Record<string, Record<string, number>>;

/** Of the labels read with a confidence in [from, to): how many, how sure on average, how many right. */
export interface Reliability {
  from: number;
  to: number;
  count: number;
  confidence: number | null;
  accuracy: number | null;
}

export interface Evaluation {
  total: number;
  language: number | null;
  intent: number | null;
  category: number | null;
  /** Category over the messages labelled `complaint` only. */
  complaintCategory: number | null;
  severity: number | null;
  flags: Record<Flag, Detection>;
  /** Every flag of every message counted together. */
  flagsMicro: Detection;
  also: Detection;
  problems: Detection;
  /** Critical read as critical: the safety net's guidance or its question (danger `certain` or `ask`). */
  critical: Detection;
  /** Critical messages that got guidance at once (danger `certain`). */
  criticalCertain: Detection;
  confusion: { intent: Confusion; category: Confusion; severity: Confusion };
  calibration: { intent: Reliability[]; category: Reliability[]; severity: Reliability[] };
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);

function detection(support: number, predicted: number, correct: number): Detection {
  const precision = ratio(correct, predicted);
  const recall = ratio(correct, support);
  const f1 = ratio(2 * correct, support + predicted);
  return { support, predicted, correct, precision, recall, f1 };
}

/** Counts a set-valued label: each value of each message is one judgement. */
function setDetection(pairs: readonly Pair[], of: (p: Pair) => { expected: readonly string[]; predicted: readonly string[] }): Detection {
  let support = 0;
  let predicted = 0;
  let correct = 0;
  for (const pair of pairs) {
    const { expected, predicted: got } = of(pair);
    support += expected.length;
    predicted += got.length;
    correct += got.filter((v) => expected.includes(v)).length;
  }
  return detection(support, predicted, correct);
}

const presence = (pairs: readonly Pair[], expected: (l: Labelled) => boolean, predicted: (u: Understood) => boolean): Detection =>
  setDetection(pairs, (p) => ({ expected: expected(p.expected) ? ['x'] : [], predicted: predicted(p.predicted) ? ['x'] : [] }));

const agreement = (pairs: readonly Pair[], same: (p: Pair) => boolean): number | null => ratio(pairs.filter(same).length, pairs.length);

function confusion(values: readonly string[], pairs: readonly Pair[], of: (l: Labelled | Understood) => string): Confusion {
  const table: Confusion = Object.fromEntries(values.map((e) => [e, Object.fromEntries(values.map((p) => [p, 0]))]));
  for (const { expected, predicted } of pairs) {
    const row = table[of(expected)] as Record<string, number>;
    row[of(predicted)] = (row[of(predicted)] ?? 0) + 1;
  }
  return table;
}

const bucketEdges = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0000001];

function reliability(readings: readonly { confidence: number; right: boolean }[]): Reliability[] {
  return bucketEdges.slice(0, -1).map((from, i) => {
    const to = bucketEdges[i + 1] as number;
    const inside = readings.filter((r) => r.confidence >= from && r.confidence < to);
    const confidence = ratio(inside.reduce((a, r) => a + r.confidence, 0), inside.length);
    return { from, to: Math.min(1, to), count: inside.length, confidence, accuracy: ratio(inside.filter((r) => r.right).length, inside.length) };
  });
}

/** Scores an understanding against labelled messages on every axis of TAXONOMY.md. */
export function evaluate(pairs: readonly Pair[]): Evaluation {
  const complaints = pairs.filter((p) => p.expected.intent === 'complaint');
  const isCritical = (l: Labelled) => l.severity === 'critical';
  return {
    total: pairs.length,
    language: agreement(pairs, (p) => p.expected.language === p.predicted.language),
    intent: agreement(pairs, (p) => p.expected.intent === p.predicted.intent),
    category: agreement(pairs, (p) => p.expected.category === p.predicted.category),
    complaintCategory: agreement(complaints, (p) => p.expected.category === p.predicted.category),
    severity: agreement(pairs, (p) => p.expected.severity === p.predicted.severity),
    flags: Object.fromEntries(flags.map((f) => [f, presence(pairs, (l) => l.flags.includes(f), (u) => u.flags.includes(f))])) as Record<Flag, Detection>,
    flagsMicro: setDetection(pairs, (p) => ({ expected: p.expected.flags, predicted: p.predicted.flags })),
    also: setDetection(pairs, (p) => ({ expected: p.expected.also, predicted: p.predicted.also })),
    problems: setDetection(pairs, (p) => ({ expected: p.expected.problems, predicted: p.predicted.problems })),
    critical: presence(pairs, isCritical, (u) => u.severity === 'critical'),
    criticalCertain: presence(pairs, isCritical, (u) => u.danger.level === 'certain'),
    confusion: {
      intent: confusion(intents, pairs, (l) => l.intent),
      category: confusion(categories, pairs, (l) => l.category),
      severity: confusion(severities, pairs, (l) => l.severity),
    },
    calibration: {
      intent: reliability(pairs.map((p) => ({ confidence: p.predicted.confidence.intent, right: p.expected.intent === p.predicted.intent }))),
      category: reliability(complaints.map((p) => ({ confidence: p.predicted.confidence.category, right: p.expected.category === p.predicted.category }))),
      severity: reliability(pairs.map((p) => ({ confidence: p.predicted.confidence.severity, right: p.expected.severity === p.predicted.severity }))),
    },
  };
}

/** A confusion matrix as fixed-width text: rows are expected values, columns predicted. */
export function confusionTable(table: Confusion): string {
  const values = Object.keys(table);
  const width = Math.max(8, ...values.map((v) => v.length)) + 1;
  const cell = (s: string | number): string => String(s).padStart(width);
  const head = cell('') + values.map((v) => cell(v)).join('');
  return [head, ...values.map((e) => cell(e) + values.map((p) => cell(table[e]?.[p] ?? 0)).join(''))].join('\n');
}
