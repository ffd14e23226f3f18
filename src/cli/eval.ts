import type { Readable, Writable } from 'node:stream';
import type { Understanding } from '../ports/understanding.ts';
import type { Labelled } from '../understanding/corpus.ts';
import { labelledLine } from '../understanding/corpus.ts';
import { evaluate } from '../understanding/evaluation.ts';
import type { Pair } from '../understanding/evaluation.ts';
import { parseJson } from '../validation.ts';
import { evalReport } from './eval-report.ts';
import { numberedLines } from './lines.ts';

export interface Contender {
  name: string;
  understanding: Understanding;
}

/** Labelled lines of a stream (corpus/LABELLING.md); a bad line is reported by number and skipped. */
export async function readLabelled(input: Readable, errors: Writable): Promise<{ lines: Labelled[]; allGood: boolean }> {
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

/** Reads every labelled line with each contender and prints the labels side by side. */
export async function scoreContenders(lines: readonly Labelled[], contenders: readonly Contender[], timeZone: string, output: Writable): Promise<void> {
  const now = new Date();
  const scored = [];
  for (const { name, understanding } of contenders) {
    const pairs: Pair[] = [];
    // One at a time: an LLM server is spared bursts, and the order of pairs stays the input's.
    for (const expected of lines) pairs.push({ expected, predicted: await understanding.understand(expected.text, { now, timeZone }) });
    scored.push({ name, evaluation: evaluate(pairs) });
  }
  output.write(evalReport(scored));
}
