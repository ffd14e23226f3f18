import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Engine } from '../engine/engine.ts';
import { jobNames } from '../ports/job-queue.ts';
import type { JobQueue } from '../ports/job-queue.ts';

/** Prometheus metrics of one process: turns, turn latency, handoffs, SLA breaches, rephrased replies, queue depths. */
export function createMetrics(engine: Engine, jobs: JobQueue, registry = new Registry()): Registry {
  collectDefaultMetrics({ register: registry });
  const turns = new Counter({ name: 'tripcare_turns_total', help: 'Committed turns, by the step they ended in.', labelNames: ['step'], registers: [registry] });
  const latency = new Histogram({
    name: 'tripcare_turn_duration_seconds', help: 'From taking the turn lock to the replies sent.',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5], registers: [registry],
  });
  const handoffs = new Counter({ name: 'tripcare_handoffs_total', help: 'Conversations handed to a person.', labelNames: ['reason', 'severity'], registers: [registry] });
  const deadLettered = new Counter({ name: 'tripcare_messages_dead_lettered_total', help: 'Messages set aside after their turn failed every time: staff must look.', registers: [registry] });
  const breaches = new Counter({ name: 'tripcare_sla_breaches_total', help: 'Promised times that passed with the promise not kept, by timer.', labelNames: ['kind'], registers: [registry] });
  const wording = new Counter({
    name: 'tripcare_wording_total', help: 'Restatements and apologies offered for rephrasing: worded, or why the template went out.',
    labelNames: ['step', 'outcome'], registers: [registry],
  });
  new Gauge({
    name: 'tripcare_queue_waiting', help: 'Jobs waiting, by queue.', labelNames: ['queue'], registers: [registry],
    async collect() {
      for (const name of jobNames) this.set({ queue: name }, (await jobs.waiting(name)).length);
    },
  });
  engine.on('turn', ({ ms, step }) => {
    turns.inc({ step });
    latency.observe(ms / 1000);
  });
  engine.on('handoff', ({ reason, severity }) => handoffs.inc({ reason, severity }));
  engine.on('sla.breach', ({ kind }) => breaches.inc({ kind }));
  engine.on('message.dead_lettered', () => deadLettered.inc());
  engine.on('wording', ({ step, outcome }) => wording.inc({ step, outcome }));
  return registry;
}
