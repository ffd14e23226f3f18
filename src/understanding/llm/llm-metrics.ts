import type { FallbackReason } from './failure.ts';

export type LlmOutcome = 'ok' | FallbackReason;

/** What LLM understanding measures; ops/llm-metrics.ts puts it into Prometheus, the eval command tallies it. */
export interface LlmMetrics {
  /** One call, whatever came of it, with its wall time across retries. */
  call(outcome: LlmOutcome, seconds: number): void;
  tokens(kind: 'prompt' | 'completion', count: number): void;
}
