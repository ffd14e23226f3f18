import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { errorFields } from '../../log.ts';
import type { Logger } from '../../log.ts';
import type { UnderstandOptions, Understanding, Understood } from '../../ports/understanding.ts';
import { redact } from '../../privacy/redact.ts';
import { parseJson } from '../../validation.ts';
import { llmAnswer } from './answer.ts';
import type { LlmAnswer } from './answer.ts';
import { fallbackReason, InvalidOutputError } from './failure.ts';
import type { LlmMetrics } from './llm-metrics.ts';
import { mergeAnswer } from './merge.ts';
import { promptFor } from './prompt.ts';

export interface LlmSettings {
  baseURL: string;
  /** Local servers (Ollama, vLLM) take any key. */
  apiKey: string | undefined;
  model: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Retries after a 429 or 5xx. */
  maxRetries: number;
}

const responseFormat = zodResponseFormat(llmAnswer, 'understood');

/**
 * Understanding by an OpenAI-compatible model over a base reading (the learned model): any failure
 * (error, timeout, an answer outside the schema) gives the base's reading, logged and counted by reason.
 */
export class LlmUnderstanding implements Understanding {
  readonly #client: OpenAI;
  readonly #model: string;
  readonly #base: Understanding;
  readonly #metrics: LlmMetrics;
  readonly #log: Logger;

  constructor(settings: LlmSettings, base: Understanding, metrics: LlmMetrics, log: Logger) {
    // The SDK insists on a key; a placeholder one is harmless to servers that ignore it.
    this.#client = new OpenAI({
      baseURL: settings.baseURL, apiKey: settings.apiKey ?? 'none',
      timeout: settings.timeoutMs, maxRetries: settings.maxRetries,
    });
    this.#model = settings.model;
    this.#base = base;
    this.#metrics = metrics;
    this.#log = log;
  }

  async understand(text: string, options: UnderstandOptions): Promise<Understood> {
    const base = await this.#base.understand(text, options);
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    // Personal data never leaves the process: the model sees placeholders.
    const { text: redacted, found } = redact(text);
    try {
      const answer = await this.#ask(redacted, options);
      this.#metrics.call('ok', seconds());
      return mergeAnswer(text, answer, base, found);
    } catch (e) {
      const reason = fallbackReason(e);
      this.#metrics.call(reason, seconds());
      this.#log.warn('llm.fallback', { reason, ...errorFields(e) });
      return base;
    }
  }

  async #ask(redacted: string, options: UnderstandOptions): Promise<LlmAnswer> {
    const completion = await this.#client.chat.completions.create({
      model: this.#model,
      messages: promptFor(redacted, options),
      response_format: responseFormat,
      temperature: 0,
    });
    if (completion.usage) {
      this.#metrics.tokens('prompt', completion.usage.prompt_tokens);
      this.#metrics.tokens('completion', completion.usage.completion_tokens);
    }
    const content = completion.choices[0]?.message.content;
    if (typeof content !== 'string') throw new InvalidOutputError('no content');
    const parsed = parseJson(content, llmAnswer);
    if ('error' in parsed) throw new InvalidOutputError(parsed.error);
    return parsed.data;
  }
}
