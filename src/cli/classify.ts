import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import type { Understanding } from '../ports/understanding.ts';
import { parseJson } from '../validation.ts';
import { numberedLines } from './lines.ts';

const classifyLine = z.strictObject({
  id: z.union([z.string().max(200), z.number()]),
  text: z.string().max(100_000),
});

/**
 * `tripcare classify`: `{"id","text"}` lines in, one label line out per input.
 * A bad line yields `{"line","error"}` and the rest go on. Resolves false if any line was bad.
 */
export async function classify(input: Readable, output: Writable, understanding: Understanding, timeZone: string): Promise<boolean> {
  let allGood = true;
  const write = (value: unknown) => output.write(`${JSON.stringify(value)}\n`);
  for await (const { n, line } of numberedLines(input)) {
    const parsed = parseJson(line, classifyLine);
    if ('error' in parsed) {
      allGood = false;
      write({ line: n, error: parsed.error });
      continue;
    }
    const u = await understanding.understand(parsed.data.text, { now: new Date(), timeZone });
    write({
      id: parsed.data.id, language: u.language, intent: u.intent, category: u.category, also: u.also, problems: u.problems,
      severity: u.severity, flags: u.flags, danger: u.danger, confidence: u.confidence,
    });
  }
  return allGood;
}
