import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import type { Understanding } from '../ports/understanding.ts';
import { categories, flags, languages, severities } from '../taxonomy.ts';
import { accuracy } from '../understanding/accuracy.ts';
import type { Labels, Pair } from '../understanding/accuracy.ts';
import { parseJson } from '../validation.ts';
import { evalReport } from './eval-report.ts';
import { numberedLines } from './lines.ts';

/** A `classify` line with the labels a person gave it. */
const labelledLine = z.object({
  id: z.union([z.string().max(200), z.number()]),
  text: z.string().max(100_000),
  language: z.enum(languages).nullable(),
  category: z.enum(categories),
  also: z.array(z.enum(categories)).default([]),
  severity: z.enum(severities),
  flags: z.array(z.enum(flags)).default([]),
});

interface Labelled extends Labels {
  text: string;
}

export interface Contender {
  name: string;
  understanding: Understanding;
}

export interface EvalStreams {
  input: Readable;
  output: Writable;
  errors: Writable;
}

async function readLabelled(input: Readable, errors: Writable): Promise<{ lines: Labelled[]; allGood: boolean }> {
  const lines: Labelled[] = [];
  let allGood = true;
  for await (const { n, line } of numberedLines(input)) {
    const parsed = parseJson(line, labelledLine);
    if ('error' in parsed) {
      allGood = false;
      errors.write(`line ${n}: ${parsed.error}\n`);
    } else lines.push(parsed.data);
  }
  return { lines, allGood };
}

/**
 * `tripcare eval`: classifies every labelled line with each contender and prints accuracy per
 * label side by side. Resolves false if a line was bad (the rest are still scored).
 */
export async function evaluate(streams: EvalStreams, contenders: readonly Contender[], timeZone: string): Promise<boolean> {
  const { lines, allGood } = await readLabelled(streams.input, streams.errors);
  const now = new Date();
  const scored = [];
  for (const { name, understanding } of contenders) {
    const pairs: Pair[] = [];
    // One at a time: an LLM server is spared bursts, and the order of pairs stays the input's.
    for (const expected of lines) pairs.push({ expected, predicted: await understanding.understand(expected.text, { now, timeZone }) });
    scored.push({ name, report: accuracy(pairs) });
  }
  streams.output.write(evalReport(scored));
  return allGood;
}
