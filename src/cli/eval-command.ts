import { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { ConfigError } from '../config.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { llmSettings } from '../understanding/llm/from-config.ts';
import { LlmUnderstanding } from '../understanding/llm/index.ts';
import { LlmTally } from '../understanding/llm/tally.ts';
import { RuleUnderstanding } from '../understanding/rules/index.ts';
import { evaluate } from './eval.ts';
import type { Contender } from './eval.ts';

export const evalModes = ['rules', 'llm', 'both'] as const;
export type EvalMode = (typeof evalModes)[number];
export const isEvalMode = (mode: string): mode is EvalMode => (evalModes as readonly string[]).includes(mode);

function llmFrom(config: Config, tally: LlmTally, log: Logger): LlmUnderstanding {
  const settings = llmSettings(config);
  if (!settings) throw new ConfigError('tripcare eval --with llm needs OPENAI_BASE_URL and OPENAI_MODEL; see .env.example.');
  return new LlmUnderstanding(settings, tally, log);
}

function tallyText(tally: LlmTally): string {
  const calls = [...tally.outcomes.values()].reduce((a, b) => a + b, 0);
  const outcomes = [...tally.outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(', ');
  const mean = calls ? (tally.seconds / calls).toFixed(2) : '-';
  return `\nllm calls: ${calls} (${outcomes}); tokens: ${tally.tokenCounts.prompt} prompt, ${tally.tokenCounts.completion} completion; mean latency ${mean} s\n`;
}

/** `tripcare eval --with rules|llm|both FILE`: scores the rules, the model, or both side by side. */
export async function evalCommand(mode: EvalMode, file: string, config: Config, log: Logger, streams: { output: Writable; errors: Writable }): Promise<number> {
  const tally = new LlmTally();
  const contenders: Contender[] = [];
  if (mode !== 'llm') contenders.push({ name: 'rules', understanding: new RuleUnderstanding() });
  if (mode !== 'rules') contenders.push({ name: 'llm', understanding: llmFrom(config, tally, log) });
  const allGood = await evaluate({ input: createReadStream(file), ...streams }, contenders, config.TIME_ZONE);
  if (mode !== 'rules') streams.output.write(tallyText(tally));
  return allGood ? 0 : 1;
}
