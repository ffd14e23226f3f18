import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** Non-empty lines of a stream, with their 1-based line numbers. */
export async function* numberedLines(input: Readable): AsyncGenerator<{ n: number; line: string }> {
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    if (line.trim()) yield { n, line };
  }
}
