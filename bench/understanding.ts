/**
 * The learned understanding on one core: per-message latency (p50, p99) and messages per second
 * over every message of the corpus, read `passes` times; the time `npm run train` takes; the model's size.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, readCorpus } from '../src/understanding/corpus.ts';
import { buildModel } from '../src/understanding/learned/build.ts';
import { LearnedUnderstanding } from '../src/understanding/learned/index.ts';
import { modelPath } from '../src/understanding/learned/model.ts';
import { percentile, round } from './stats.ts';

export interface UnderstandingBench {
  messages: number;
  messagesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  trainSeconds: number;
  modelBytes: number;
}

export function benchUnderstanding(passes = 5): UnderstandingBench {
  const texts = [...readCorpus(join(corpusDir, 'pool')), ...readCorpus(join(corpusDir, 'test'))].map((l) => l.text);
  const learned = new LearnedUnderstanding();
  const options = { now: new Date(), timeZone: 'Asia/Shanghai' };
  for (const text of texts.slice(0, 200)) learned.read(text, options); // warm up the JIT
  const latencies: number[] = [];
  const started = performance.now();
  for (let pass = 0; pass < passes; pass++) {
    for (const text of texts) {
      const t0 = performance.now();
      learned.read(text, options);
      latencies.push(performance.now() - t0);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const trainStarted = performance.now();
  buildModel(readCorpus(join(corpusDir, 'pool')));
  return {
    messages: latencies.length,
    messagesPerSecond: Math.round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 50), 3),
    p99Ms: round(percentile(latencies, 99), 3),
    trainSeconds: round((performance.now() - trainStarted) / 1000, 1),
    modelBytes: statSync(modelPath).size,
  };
}
