import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { allProblems, categories, emergencies, flags, intents, languages, severities } from '../taxonomy.ts';
import type { Category, Emergency, Flag, Intent, Language, Problem, Severity } from '../taxonomy.ts';
import { parseJson } from '../validation.ts';

/** One labelled message of the corpus, as corpus/LABELLING.md defines it. */
export interface Labelled {
  id: string;
  text: string;
  language: Language | null;
  intent: Intent;
  category: Category;
  also: Category[];
  problems: Problem[];
  severity: Severity;
  flags: Flag[];
  emergency: Emergency | null;
}

export const labelledLine = z.strictObject({
  id: z.string().min(1).max(200),
  text: z.string().min(1).max(100_000),
  language: z.enum(languages).nullable(),
  intent: z.enum(intents),
  category: z.enum(categories),
  also: z.array(z.enum(categories)),
  problems: z.array(z.enum(allProblems as [Problem, ...Problem[]])),
  severity: z.enum(severities),
  flags: z.array(z.enum(flags)),
  emergency: z.enum(emergencies).nullable(),
}) satisfies z.ZodType<Labelled>;

/** The corpus's folders: `pool` trains the model, in folds; `test` is frozen (see `testDigest`). */
export const corpusDir = new URL('../../corpus/', import.meta.url).pathname;

export class CorpusError extends Error {}

/** Every line of the `.jsonl` files in a folder, in file then line order; a bad line stops the read, naming it. */
export function readCorpus(dir: string): Labelled[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  const lines: Labelled[] = [];
  for (const file of files) {
    readFileSync(join(dir, file), 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const parsed = parseJson(line, labelledLine);
      if ('error' in parsed) throw new CorpusError(`${file}:${i + 1}: ${parsed.error}`);
      lines.push(parsed.data);
    });
  }
  return lines;
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** How many folds the pool is cut into for cross-fitting (see learned/build.ts). */
export const folds = 5;

/**
 * A pool line's fold, from its id alone: stable across runs, machines and additions to the pool,
 * so a line never moves between folds. Fold 0 was the dev split the settings were chosen on.
 */
export const foldOf = (id: string): number => (digest(id)[0] as number) % folds;

/** The SHA-256 of the test split's files, name and bytes, in name order: what `corpus/test.sha256` freezes. */
export function testDigest(dir: string): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    hash.update(`${file}\n`).update(readFileSync(join(dir, file)));
  }
  return hash.digest('hex');
}
