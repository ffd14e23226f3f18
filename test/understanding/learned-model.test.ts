import { statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { corpusDir, readCorpus, testDigest } from '../../src/understanding/corpus.ts';
import { evaluate } from '../../src/understanding/evaluation.ts';
import { frozenTestDigest } from '../../src/understanding/frozen.ts';
import { buildModel, poolDigest } from '../../src/understanding/learned/build.ts';
import { LearnedUnderstanding } from '../../src/understanding/learned/index.ts';
import { decodeModel, encodeModel, loadModel, modelPath } from '../../src/understanding/learned/model.ts';

/**
 * The figures the closing note of the understanding issue reports for the frozen test split
 * (README, "Understanding"): a change that reads worse fails here.
 */
const reported = {
  language: 0.989, intent: 0.98, category: 0.884, severity: 0.893, flagsF1: 0.747, criticalRecall: 0.981, criticalPrecision: 0.815,
};

const options = { now: new Date('2026-12-03T02:00:00Z'), timeZone: 'Asia/Shanghai' };

describe('the learned understanding', () => {
  it('is measured on the test split as it was frozen, before any training', () => {
    expect(testDigest(join(corpusDir, 'test'))).toBe(frozenTestDigest);
  });

  it('reads the frozen test split no worse than reported', () => {
    const learned = new LearnedUnderstanding();
    const e = evaluate(readCorpus(join(corpusDir, 'test')).map((expected) => ({ expected, predicted: learned.read(expected.text, options) })));
    const got: Record<keyof typeof reported, number | null> = {
      language: e.language, intent: e.intent, category: e.category, severity: e.severity,
      flagsF1: e.flagsMicro.f1, criticalRecall: e.critical.recall, criticalPrecision: e.critical.precision,
    };
    for (const [label, floor] of Object.entries(reported)) expect(Number(got[label as keyof typeof reported]?.toFixed(3)), label).toBeGreaterThanOrEqual(floor);
  });

  it('never trains on a test message, and holds each text once', () => {
    const norm = (t: string) => t.trim().toLowerCase().split(/\s+/).join(' ');
    const test = new Set(readCorpus(join(corpusDir, 'test')).map((l) => norm(l.text)));
    const pool = readCorpus(join(corpusDir, 'pool')).map((l) => norm(l.text));
    expect(pool.filter((t) => test.has(t))).toEqual([]);
    expect(new Set(pool).size).toBe(pool.length);
  });

  it('is trained on the pool as committed, and under 20 MB', () => {
    // CI retrains in full and checks the bytes (.ci/run); here, that the pool has not moved since.
    expect(loadModel().pool).toBe(poolDigest(readCorpus(join(corpusDir, 'pool'))));
    expect(statSync(modelPath).size).toBeLessThan(20 * 1024 * 1024);
  });

  it('refuses a model whose features are out of order (the scorer finds them by binary search)', () => {
    const model = loadModel();
    const [a, b, ...rest] = model.features;
    const swapped = gzipSync(encodeModel({ ...model, features: [b!, a!, ...rest] }));
    expect(() => decodeModel(swapped)).toThrow('features are not sorted');
  });

  it('trains the same bytes from the same messages', { timeout: 120_000 }, () => {
    const some = readCorpus(join(corpusDir, 'pool')).filter((_, i) => i % 12 === 0);
    const bytes = () => gzipSync(encodeModel(buildModel(some).model), { level: 9 });
    expect(bytes().equals(bytes())).toBe(true);
  });
});
