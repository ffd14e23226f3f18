import { Counter, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import type { LlmMetrics } from '../understanding/llm/llm-metrics.ts';

/** LLM understanding in Prometheus: calls by outcome, tokens by kind, latency. */
export function prometheusLlmMetrics(registry: Registry): LlmMetrics {
  const calls = new Counter({ name: 'tripcare_llm_calls_total', help: 'LLM understanding calls, by outcome (ok, or why the rules answered).', labelNames: ['outcome'], registers: [registry] });
  const tokens = new Counter({ name: 'tripcare_llm_tokens_total', help: 'Tokens the LLM server reported, by kind (prompt, completion).', labelNames: ['kind'], registers: [registry] });
  const latency = new Histogram({
    name: 'tripcare_llm_latency_seconds', help: 'From asking the LLM to its answer or the fallback, retries included.',
    buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 30], registers: [registry],
  });
  return {
    call(outcome, seconds) {
      calls.inc({ outcome });
      latency.observe(seconds);
    },
    tokens(kind, count) {
      tokens.inc({ kind }, count);
    },
  };
}
