import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import type { DangerThresholds } from '../safety/danger.ts';

/**
 * A head reads one label axis. `softmax` picks one label; `sigmoid` says yes or no to each label
 * on its own (flags, problems), with a threshold per label tuned on the dev split.
 */
export interface Head {
  name: string;
  kind: 'softmax' | 'sigmoid';
  labels: string[];
  bias: number[];
  /** Int8 weights, features × labels, row-major; a weight is `scale` × its byte. */
  weights: Int8Array;
  scale: number;
  /** Divides the scores before the softmax or sigmoid: fitted on the dev split so probabilities are calibrated. */
  temperature: number;
  /** sigmoid only: the probability from which a label is said. */
  thresholds: number[];
}

/** One message as the model sees it: the rows of its known features, each with its weight (TF-IDF, unit length). */
export interface Vector {
  rows: Int32Array;
  values: Float64Array;
}

/** What the trainer writes and inference reads. */
export interface Model {
  format: typeof modelFormat;
  /** SHA-256 of the pool the model was trained from, for the record. */
  pool: string;
  features: string[];
  /** Inverse document frequency of each feature in the training split; a feature never seen weighs `unseenIdf`. */
  idf: number[];
  unseenIdf: number;
  heads: Head[];
  /** Danger-now thresholds of the safety net, tuned on the dev split (see safety/danger.ts). */
  danger: DangerThresholds;
}

export const modelFormat = 'tripcare-understanding/1';

const headFile = z.strictObject({
  name: z.string(),
  kind: z.enum(['softmax', 'sigmoid']),
  labels: z.array(z.string()).min(1),
  bias: z.array(z.number()),
  weights: z.base64(),
  scale: z.number().positive(),
  temperature: z.number().positive(),
  thresholds: z.array(z.number().min(0).max(1)),
});

const modelFile = z.strictObject({
  format: z.literal(modelFormat),
  pool: z.string(),
  features: z.array(z.string()),
  idf: z.array(z.number().positive()),
  unseenIdf: z.number().positive(),
  heads: z.array(headFile),
  danger: z.strictObject({ certain: z.number().min(0).max(1), ask: z.number().min(0).max(1), worded: z.number().min(0).max(1) }),
});

export class ModelError extends Error {}

/** The committed model, read once. */
export const modelPath = new URL('../../../models/understanding.json.gz', import.meta.url).pathname;

export function decodeModel(bytes: Buffer): Model {
  const parsed = modelFile.safeParse(JSON.parse(gunzipSync(bytes).toString('utf8')));
  if (!parsed.success) throw new ModelError(`the understanding model is unreadable: ${z.prettifyError(parsed.error)}`);
  const file = parsed.data;
  if (file.idf.length !== file.features.length) throw new ModelError('the understanding model has the wrong number of idf weights');
  // The scorer finds features by binary search.
  if (file.features.some((f, i) => i > 0 && !((file.features[i - 1] as string) < f))) throw new ModelError('the understanding model\'s features are not sorted');
  const heads = file.heads.map((h) => {
    const raw = Buffer.from(h.weights, 'base64');
    const weights = new Int8Array(raw.buffer, raw.byteOffset, raw.byteLength);
    if (weights.length !== file.features.length * h.labels.length || h.bias.length !== h.labels.length) {
      throw new ModelError(`the understanding model's head ${h.name} has the wrong shape`);
    }
    return { ...h, weights };
  });
  return { ...file, heads };
}

export function encodeModel(model: Model): string {
  return JSON.stringify({ ...model, heads: model.heads.map((h) => ({ ...h, weights: Buffer.from(h.weights.buffer, h.weights.byteOffset, h.weights.byteLength).toString('base64') })) });
}

export const loadModel = (path = modelPath): Model => decodeModel(readFileSync(path));

let committed: Model | null = null;
/** The committed model, read once per process however many apps are made. */
export const committedModel = (): Model => (committed ??= loadModel());

/**
 * Calibrated probabilities of each head's labels for one message's features, read straight off the
 * model's int8 weights. Features are found by binary search in the model's sorted list (the trainer
 * sorts them): no index beside the 80,000 of them, which a server holds for as long as it runs.
 */
export class Scorer {
  readonly model: Model;

  constructor(model: Model) {
    this.model = model;
  }

  /** The message as the model sees it: known features weighted, unknown ones only lengthening it. */
  vector(features: readonly string[]): Vector {
    return vectorOf(features, (f) => sortedIndexOf(this.model.features, f), this.model.idf, this.model.unseenIdf);
  }

  /** Every head's probabilities, by head name. */
  probabilities(v: Vector): Map<string, Float64Array> {
    return new Map(this.model.heads.map((head) => [head.name, probabilitiesOf(head, scores(head, v))]));
  }
}

/** Where `item` is in `sorted` (ascending by `<`), or undefined. */
function sortedIndexOf(sorted: readonly string[], item: string): number | undefined {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = sorted[mid] as string;
    if (at === item) return mid;
    if (at < item) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

/** TF-IDF of a message's distinct features, scaled to unit length over all of them, known or not. */
export function vectorOf(features: readonly string[], indexOf: (feature: string) => number | undefined, idf: ArrayLike<number>, unseenIdf: number): Vector {
  const rows: number[] = [];
  const values: number[] = [];
  let squares = 0;
  for (const f of features) {
    const i = indexOf(f);
    const w = i === undefined ? unseenIdf : (idf[i] as number);
    squares += w * w;
    if (i !== undefined) {
      rows.push(i);
      values.push(w);
    }
  }
  const norm = squares > 0 ? Math.sqrt(squares) : 1;
  return { rows: Int32Array.from(rows), values: Float64Array.from(values, (w) => w / norm) };
}

/** A head's raw scores (logits) for one message. */
export function scores(head: Head, v: Vector): Float64Array {
  const k = head.labels.length;
  const sums = new Float64Array(k);
  const w = head.weights;
  for (let r = 0; r < v.rows.length; r++) {
    const at = (v.rows[r] as number) * k;
    const x = v.values[r] as number;
    for (let j = 0; j < k; j++) sums[j] = (sums[j] as number) + x * (w[at + j] as number);
  }
  for (let j = 0; j < k; j++) sums[j] = (head.bias[j] as number) + head.scale * (sums[j] as number);
  return sums;
}

export function probabilitiesOf(head: Pick<Head, 'kind' | 'temperature'>, logits: Float64Array): Float64Array {
  const t = head.temperature;
  const p = new Float64Array(logits.length);
  if (head.kind === 'sigmoid') {
    for (let j = 0; j < logits.length; j++) p[j] = 1 / (1 + Math.exp(-(logits[j] as number) / t));
    return p;
  }
  let max = -Infinity;
  for (const v of logits) max = Math.max(max, v / t);
  let total = 0;
  for (let j = 0; j < logits.length; j++) {
    p[j] = Math.exp((logits[j] as number) / t - max);
    total += p[j] as number;
  }
  for (let j = 0; j < p.length; j++) p[j] = (p[j] as number) / total;
  return p;
}
