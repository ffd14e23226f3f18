import type { Head } from './model.ts';
import { probabilitiesOf } from './model.ts';

import type { Vector } from './model.ts';

/** What one head learns from: per message a label index (softmax), the true label indices (sigmoid), or null to skip it. */
export interface HeadData {
  name: string;
  kind: Head['kind'];
  labels: readonly string[];
  targets: (number | number[] | null)[];
  /** Weight of a message with at least one true label, for a sigmoid head whose labels are rare. */
  positiveWeight?: number;
}

export interface TrainOptions {
  epochs: number;
  /**
   * How much a softmax head evens out its labels: a message weighs (n / (k · n_label))^balance,
   * so 0 weighs all alike and 1 gives every label the same total weight.
   */
  balance: number;
  /** L2 penalty per touched row and step. */
  l2: number;
  learningRate: number;
  seed: number;
}

export interface TrainedHead {
  name: string;
  kind: Head['kind'];
  labels: readonly string[];
  bias: Float64Array;
  weights: Float64Array;
}

/** A small, seeded generator (mulberry32): the same seed shuffles the same way on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** Per label of a softmax head, the weight of its messages (see `TrainOptions.balance`). */
function balancedWeights(data: HeadData, used: readonly number[], balance: number): Float64Array {
  const k = data.labels.length;
  const counts = new Float64Array(k);
  for (const i of used) {
    const t = data.targets[i];
    if (typeof t === 'number') counts[t] = (counts[t] as number) + 1;
  }
  return Float64Array.from(counts, (n) => (n > 0 ? (used.length / (k * n)) ** balance : 1));
}

/** The raw scores of one message under float weights. */
function logits(bias: Float64Array, weights: Float64Array, k: number, v: Vector): Float64Array {
  const z = Float64Array.from(bias);
  v.rows.forEach((row, r) => {
    const x = v.values[r] as number;
    for (let j = 0; j < k; j++) z[j] = (z[j] as number) + x * (weights[row * k + j] as number);
  });
  return z;
}

/**
 * Logistic regression (softmax or one sigmoid per label) by AdaGrad over the sparse rows of each
 * message, with L2 on the rows a message touches. Deterministic: the order is the seed's.
 */
export function trainHead(data: HeadData, vectors: readonly Vector[], features: number, options: TrainOptions): TrainedHead {
  const k = data.labels.length;
  const weights = new Float64Array(features * k);
  const bias = new Float64Array(k);
  const squares = new Float64Array(features * k).fill(1e-8);
  const biasSquares = new Float64Array(k).fill(1e-8);
  const random = seeded(options.seed);
  const used = data.targets.flatMap((t, i) => (t === null ? [] : [i]));
  const y = new Float64Array(k);
  const labelWeight = balancedWeights(data, used, options.balance);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const at of shuffle(used.length, random)) {
      const i = used[at] as number;
      const v = vectors[i] as Vector;
      if (v.rows.length === 0) continue;
      const target = data.targets[i] as number | number[];
      y.fill(0);
      if (typeof target === 'number') y[target] = 1;
      else for (const t of target) y[t] = 1;
      const p = probabilitiesOf({ kind: data.kind, temperature: 1 }, logits(bias, weights, k, v));
      const weight = typeof target === 'number'
        ? (labelWeight[target] as number)
        : target.length > 0 ? (data.positiveWeight ?? 1) : 1;
      for (let j = 0; j < k; j++) {
        const g = weight * ((p[j] as number) - (y[j] as number));
        if (g === 0) continue;
        biasSquares[j] = (biasSquares[j] as number) + g * g;
        bias[j] = (bias[j] as number) - (options.learningRate * g) / Math.sqrt(biasSquares[j] as number);
        for (let r = 0; r < v.rows.length; r++) {
          const at2 = (v.rows[r] as number) * k + j;
          const gw = (v.values[r] as number) * g + options.l2 * (weights[at2] as number);
          squares[at2] = (squares[at2] as number) + gw * gw;
          weights[at2] = (weights[at2] as number) - (options.learningRate * gw) / Math.sqrt(squares[at2] as number);
        }
      }
    }
  }
  return { name: data.name, kind: data.kind, labels: data.labels, bias, weights };
}

/** Int8 weights with one scale per head; calibration comes after, on what inference will really compute. */
export function quantize(head: TrainedHead): Head {
  let max = 0;
  for (const w of head.weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 127 : 1;
  const weights = Int8Array.from(head.weights, (w) => Math.round(w / scale));
  return {
    name: head.name, kind: head.kind, labels: [...head.labels], bias: Array.from(head.bias, (b) => Number(b.toFixed(6))),
    weights, scale, temperature: 1, thresholds: head.kind === 'sigmoid' ? head.labels.map(() => 0.5) : [],
  };
}

/** Mean negative log-likelihood of the targets under logits divided by `t`. */
function loss(kind: Head['kind'], logitRows: readonly Float64Array[], targets: readonly (number | number[])[], t: number): number {
  let total = 0;
  logitRows.forEach((z, i) => {
    const p = probabilitiesOf({ kind, temperature: t }, z);
    const target = targets[i] as number | number[];
    if (typeof target === 'number') total -= Math.log(Math.max(p[target] as number, 1e-12));
    else p.forEach((q, j) => (total -= Math.log(Math.max(target.includes(j) ? q : 1 - q, 1e-12))));
  });
  return total / Math.max(1, logitRows.length);
}

/** The temperature that makes the dev split's probabilities honest (least log-loss), by golden-section search in log space. */
export function fitTemperature(kind: Head['kind'], logitRows: readonly Float64Array[], targets: readonly (number | number[])[]): number {
  if (logitRows.length === 0) return 1;
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    if (loss(kind, logitRows, targets, Math.exp(a)) <= loss(kind, logitRows, targets, Math.exp(b))) hi = b;
    else lo = a;
  }
  return Number(Math.exp((lo + hi) / 2).toFixed(4));
}

/**
 * The threshold with the best F-score over the given labels together, on the dev split; 0.5 when
 * dev shows none of them. `beta` below 1 weighs precision more (F0.5 for labels that act at once).
 */
function bestThreshold(probabilities: readonly Float64Array[], targets: readonly number[][], labels: readonly number[], beta = 1): number {
  const positives = targets.reduce((n, t) => n + t.filter((j) => labels.includes(j)).length, 0);
  if (positives === 0) return 0.5;
  let best = { t: 0.5, f1: -1 };
  for (let step = 2; step <= 38; step++) {
    const t = step / 40;
    let tp = 0;
    let fp = 0;
    probabilities.forEach((p, i) => {
      for (const j of labels) {
        if ((p[j] as number) < t) continue;
        if ((targets[i] as number[]).includes(j)) tp++;
        else fp++;
      }
    });
    const b2 = beta * beta;
    const f = ((1 + b2) * tp) / ((1 + b2) * tp + b2 * (positives - tp) + fp);
    if (f > best.f1) best = { t, f1: f };
  }
  return best.t;
}

/** Precision over recall: F0.5. */
const precisionBeta = 0.5;

/**
 * Thresholds with the best F1 on the dev split: one per label when each label has enough dev
 * examples to trust (flags), else one shared by the head, which overfits dev less. Labels in
 * `precise` (a flag that hands a conversation over at once) are tuned for precision first.
 */
export function fitThresholds(probabilities: readonly Float64Array[], targets: readonly number[][], labels: number, perLabel: boolean, precise: ReadonlySet<number> = new Set()): number[] {
  const all = Array.from({ length: labels }, (_, j) => j);
  if (!perLabel) return all.map(() => bestThreshold(probabilities, targets, all));
  return all.map((j) => bestThreshold(probabilities, targets, [j], precise.has(j) ? precisionBeta : 1));
}
