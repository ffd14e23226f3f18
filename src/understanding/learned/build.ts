import { createHash } from 'node:crypto';
import { emergencies } from '../../taxonomy.ts';
import type { Emergency } from '../../taxonomy.ts';
import type { Understood, UnderstandOptions } from '../../ports/understanding.ts';
import type { Labelled } from '../corpus.ts';
import { foldOf, folds } from '../corpus.ts';
import { assessDanger } from '../safety/danger.ts';
import type { DangerSigns, DangerThresholds } from '../safety/danger.ts';
import { headSpecs } from './heads.ts';
import type { HeadSpec } from './heads.ts';
import { modelFormat, probabilitiesOf, scores, vectorOf } from './model.ts';
import type { Head, Model } from './model.ts';
import { decide, prepare } from './read.ts';
import type { Prepared } from './read.ts';
import { fitTemperature, fitThresholds, quantize, trainHead } from './train.ts';
import type { TrainOptions } from './train.ts';

export interface BuildOptions extends TrainOptions {
  /** A feature is kept when at least this many training messages have it. */
  minCount: number;
  /** The share of critical messages the safety net must raise an alarm for, out of fold. */
  dangerRecall: number;
  /** The precision the net must have before it gives guidance without asking. */
  certainPrecision: number;
  /** How much more a feature from the rules' knowledge weighs than a word (see `vocabulary`). */
  knowledgeWeight: number;
}

/** Chosen on fold 0, the dev split, with a model trained on the other folds (see the README's understanding section). */
export const buildDefaults: BuildOptions = {
  epochs: 12, balance: 0.3, l2: 1e-4, learningRate: 0.2, seed: 20261203, minCount: 2, dangerRecall: 0.98, certainPrecision: 0.95, knowledgeWeight: 2,
};

// Entities only mark presence in the features; any fixed day reads them the same on every machine.
const readingDay: UnderstandOptions = { now: new Date('2026-01-01T00:00:00Z'), timeZone: 'Asia/Shanghai' };

/** A pool message with what the rules found in it. */
interface Example {
  line: Labelled;
  message: Prepared;
}

const prepareAll = (lines: readonly Labelled[]): Example[] => lines.map((line) => ({ line, message: prepare(line.text, readingDay) }));

/** Features that come from what the rules know (the lexicon, danger signs, entities), not from the words alone. */
const knowledge = /^(topic|cue|gen|sig|danger|has):/;

/**
 * The features at least `minCount` training messages have, sorted, with their inverse document
 * frequencies; what the rules know weighs `knowledgeWeight` times more, as so few examples could not teach it.
 */
function vocabulary(train: readonly Example[], { minCount, knowledgeWeight }: BuildOptions): { features: string[]; idf: number[]; unseenIdf: number } {
  const counts = new Map<string, number>();
  for (const { message } of train) for (const f of message.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = [...counts].filter(([, n]) => n >= minCount).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const idfOf = (n: number) => Math.log((1 + train.length) / (1 + n)) + 1;
  const weighed = (f: string, n: number) => Number((idfOf(n) * (knowledge.test(f) ? knowledgeWeight : 1)).toFixed(4));
  return { features: kept.map(([f]) => f), idf: kept.map(([f, n]) => weighed(f, n)), unseenIdf: Number(idfOf(0).toFixed(4)) };
}

/** What the model records of the pool it was trained on: a changed pool needs `npm run train`. */
export const poolDigest = (lines: readonly Labelled[]): string =>
  createHash('sha256').update(lines.map((l) => JSON.stringify(l)).join('\n')).digest('hex');

/** The grid the thresholds are searched on. */
const grid = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

/**
 * The safety net's thresholds on the out-of-fold readings: `certain` as low as keeps guidance at the wanted
 * precision; then `ask` and `worded` with the best precision whose alarms reach the wanted recall.
 */
function tuneDanger(dev: readonly { signs: DangerSigns; now: number; kind: Emergency; critical: boolean }[], options: BuildOptions): DangerThresholds {
  const positives = dev.filter((d) => d.critical).length;
  const alarms = (t: DangerThresholds, level: 'certain' | 'any') => {
    let hit = 0;
    let raised = 0;
    for (const d of dev) {
      const read = assessDanger({ signs: d.signs, now: d.now, modelKind: d.kind, thresholds: t });
      const up = level === 'certain' ? read.level === 'certain' : read.level !== 'none';
      if (up) raised++;
      if (up && d.critical) hit++;
    }
    return { recall: positives ? hit / positives : 1, precision: raised ? hit / raised : 1 };
  };
  const certain = grid.find((t) => alarms({ certain: t, ask: 1, worded: 1 }, 'certain').precision >= options.certainPrecision) ?? 1;
  let best: { t: DangerThresholds; precision: number } | null = null;
  for (const ask of grid.filter((t) => t <= certain)) {
    for (const worded of grid.filter((t) => t <= ask)) {
      const t = { certain, ask, worded };
      const { recall, precision } = alarms(t, 'any');
      if (recall >= options.dangerRecall && (best === null || precision > best.precision)) best = { t, precision };
    }
  }
  return best?.t ?? { certain, ask: grid[0] as number, worded: grid[0] as number };
}

/** What cross-fitting yields: the model trained on the whole pool, and each pool message as read out of fold. */
export interface Built {
  model: Model;
  /** Every pool message, read by a model trained on the other folds, with the final calibration. */
  outOfFold: { expected: Labelled; predicted: Understood }[];
}

/**
 * Trains on the whole pool and calibrates on out-of-fold readings: for each of five folds a model
 * is trained on the other four and reads the fold; temperatures, thresholds and the safety net's
 * settings are fitted on those readings, then the final model is trained on everything. No message
 * is ever calibrated on by a model that saw it. Logistic regression per head, Int8 weights.
 */
export function buildModel(pool: readonly Labelled[], options: BuildOptions = buildDefaults): Built {
  const prepared = prepareAll(pool);
  const { features, idf, unseenIdf } = vocabulary(prepared, options);
  const index = new Map(features.map((f, i) => [f, i]));
  const vectors = prepared.map((p) => vectorOf(p.message.features, (f) => index.get(f), idf, unseenIdf));
  const fold = prepared.map((p) => foldOf(p.line.id));

  const trained = (spec: HeadSpec, leaveOut: number | null): Head => quantize(trainHead({
    name: spec.name, kind: spec.kind, labels: spec.labels, positiveWeight: spec.positiveWeight,
    targets: prepared.map((p, i) => (fold[i] === leaveOut ? null : spec.target(p.line))),
  }, vectors, features.length, options));

  // Each message's scores from the model that did not see it.
  const outOfFold = new Map<string, Float64Array[]>(headSpecs.map((spec) => [spec.name, []]));
  for (let k = 0; k < folds; k++) {
    for (const spec of headSpecs) {
      const head = trained(spec, k);
      const rows = outOfFold.get(spec.name) as Float64Array[];
      vectors.forEach((v, i) => { if (fold[i] === k) rows[i] = scores(head, v); });
    }
  }

  const heads: Head[] = headSpecs.map((spec) => {
    const head = trained(spec, null);
    const logits = outOfFold.get(spec.name) as Float64Array[];
    const used = prepared.flatMap((p, i) => (spec.target(p.line) === null ? [] : [i]));
    const targets = used.map((i) => spec.target((prepared[i] as Example).line) as number | number[]);
    head.temperature = fitTemperature(head.kind, used.map((i) => logits[i] as Float64Array), targets);
    if (head.kind === 'sigmoid') {
      const probabilities = used.map((i) => probabilitiesOf(head, logits[i] as Float64Array));
      const precise = new Set((spec.precisionFirst ?? []).map((l) => head.labels.indexOf(l)));
      head.thresholds = fitThresholds(probabilities, targets as number[][], head.labels.length, spec.perLabelThresholds ?? false, precise);
    }
    return head;
  });

  const calibrated = prepared.map((_, i) => new Map(heads.map((h) => [h.name, probabilitiesOf(h, (outOfFold.get(h.name) as Float64Array[])[i] as Float64Array)])));
  const danger = tuneDanger(prepared.map((p, i) => {
    const kinds = (calibrated[i] as Map<string, Float64Array>).get('emergency') as Float64Array;
    return {
      signs: p.message.danger, now: ((calibrated[i] as Map<string, Float64Array>).get('danger') as Float64Array)[0] as number,
      kind: emergencies[kinds.indexOf(Math.max(...kinds))] as Emergency, critical: p.line.severity === 'critical',
    };
  }), options);
  const model: Model = { format: modelFormat, pool: poolDigest(pool), features, idf, unseenIdf, heads, danger };
  return {
    model,
    outOfFold: prepared.map((p, i) => ({ expected: p.line, predicted: decide(p.message, calibrated[i] as Map<string, Float64Array>, model) })),
  };
}
