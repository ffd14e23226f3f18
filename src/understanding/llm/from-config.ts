import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import type { Understanding } from '../../ports/understanding.ts';
import type { Wording } from '../../ports/wording.ts';
import { LlmWording } from '../../wording/llm-wording.ts';
import { LearnedUnderstanding } from '../learned/index.ts';
import { LlmUnderstanding } from './index.ts';
import type { LlmSettings } from './index.ts';
import type { LlmMetrics } from './llm-metrics.ts';

/** The model's settings when OPENAI_BASE_URL and OPENAI_MODEL are set (config checks they come together). */
export function llmSettings(config: Config): LlmSettings | null {
  if (!config.OPENAI_BASE_URL || !config.OPENAI_MODEL) return null;
  return {
    baseURL: config.OPENAI_BASE_URL,
    apiKey: config.OPENAI_API_KEY,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    maxRetries: config.OPENAI_MAX_RETRIES,
  };
}

/** The LLM over the learned model when configured, else the learned model alone. */
export function understandingFromConfig(config: Config, metrics: LlmMetrics, log: Logger): Understanding {
  const settings = llmSettings(config);
  const learned = new LearnedUnderstanding();
  return settings ? new LlmUnderstanding(settings, learned, metrics, log) : learned;
}

/** The model's wording of restatements and apologies when configured; without it the templates go out as they are. */
export function wordingFromConfig(config: Config): Wording | undefined {
  const settings = llmSettings(config);
  return settings ? new LlmWording(settings) : undefined;
}
