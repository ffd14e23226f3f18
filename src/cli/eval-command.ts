import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { ConfigError } from '../config.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { corpusDir, readCorpus, testDigest } from '../understanding/corpus.ts';
import type { Labelled } from '../understanding/corpus.ts';
import { frozenTestDigest } from '../understanding/frozen.ts';
import { LearnedUnderstanding } from '../understanding/learned/index.ts';
import { llmSettings } from '../understanding/llm/from-config.ts';
import { LlmUnderstanding } from '../understanding/llm/index.ts';
import { LlmTally } from '../understanding/llm/tally.ts';
import { readLabelled, scoreContenders } from './eval.ts';
import type { Contender } from './eval.ts';

export const evalModes = ['learned', 'llm', 'both'] as const;
export type EvalMode = (typeof evalModes)[number];
export const isEvalMode = (mode: string): mode is EvalMode => (evalModes as readonly string[]).includes(mode);

function llmFrom(config: Config, base: LearnedUnderstanding, tally: LlmTally, log: Logger): LlmUnderstanding {
  const settings = llmSettings(config);
  if (!settings) throw new ConfigError('tripcare eval --with llm needs OPENAI_BASE_URL and OPENAI_MODEL; see .env.example.');
  return new LlmUnderstanding(settings, base, tally, log);
}

function tallyText(tally: LlmTally): string {
  const calls = [...tally.outcomes.values()].reduce((a, b) => a + b, 0);
  const outcomes = [...tally.outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(', ');
  const mean = calls ? (tally.seconds / calls).toFixed(2) : '-';
  return `\nllm calls: ${calls} (${outcomes}); tokens: ${tally.tokenCounts.prompt} prompt, ${tally.tokenCounts.completion} completion; mean latency ${mean} s\n`;
}

/** The frozen test split, after checking it is the one frozen. (The pool's own figures are `tripcare train`'s, out of fold.) */
function testSplit(output: Writable): Labelled[] {
  const dir = join(corpusDir, 'test');
  const digest = testDigest(dir);
  if (digest !== frozenTestDigest) throw new ConfigError(`corpus/test has changed since it was frozen (sha256 ${digest}, frozen ${frozenTestDigest}); its figures would mean nothing.`);
  output.write(`test split: frozen, sha256 ${digest}\n`);
  return readCorpus(dir);
}

export interface EvalTarget {
  mode: EvalMode;
  /** A labelled JSON-lines file; null for the frozen test split. */
  file: string | null;
}

/** `tripcare eval`: scores the learned model, the LLM over it, or both side by side. */
export async function evalCommand(target: EvalTarget, config: Config, log: Logger, streams: { output: Writable; errors: Writable }): Promise<number> {
  const tally = new LlmTally();
  const learned = new LearnedUnderstanding();
  const contenders: Contender[] = [];
  if (target.mode !== 'llm') contenders.push({ name: 'learned', understanding: learned });
  if (target.mode !== 'learned') contenders.push({ name: 'llm', understanding: llmFrom(config, learned, tally, log) });
  const { lines, allGood } = target.file
    ? await readLabelled(createReadStream(target.file), streams.errors)
    : { lines: testSplit(streams.output), allGood: true };
  await scoreContenders(lines, contenders, config.TIME_ZONE, streams.output);
  if (target.mode !== 'learned') streams.output.write(tallyText(tally));
  return allGood ? 0 : 1;
}
