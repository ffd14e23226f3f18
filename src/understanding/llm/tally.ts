import type { LlmMetrics, LlmOutcome } from './llm-metrics.ts';

/** LLM metrics kept in memory: what `tripcare eval` reports after a run. */
export class LlmTally implements LlmMetrics {
  readonly outcomes = new Map<LlmOutcome, number>();
  readonly tokenCounts = { prompt: 0, completion: 0 };
  seconds = 0;

  call(outcome: LlmOutcome, seconds: number): void {
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
    this.seconds += seconds;
  }

  tokens(kind: 'prompt' | 'completion', count: number): void {
    this.tokenCounts[kind] += count;
  }
}
