import { Agent, request } from 'node:http';
import fc from 'fast-check';
import { anyPlan } from './fuzz-requests.ts';
import type { FuzzRequest } from './fuzz-requests.ts';
import type { FuzzTarget } from './fuzz-target.ts';

export interface FuzzOutcome {
  requests: number;
  /** How many requests got each status; `reset` when the server closed early (after a 413, say). */
  statuses: Record<string, number>;
  /** Each 5xx: the request, and what the server said. */
  serverErrors: string[];
  /** Requests that hung, or found no server: a crash. */
  failures: string[];
  ms: number;
}

/** A request answered within this long, or it counts as hung. */
const requestTimeoutMs = 15_000;
/** Clients the requests come from, so that limits per address leave most of them to reach the route's own checks. */
const addresses = 1_000;

/**
 * Sends `requests` generated requests (seeded: the same seed sends the same requests) to the
 * target, `concurrency` at once, each from one of many loopback addresses where the system
 * has them (Linux), else from 127.0.0.1.
 */
export async function runFuzz(target: FuzzTarget, options: { requests: number; seed: number; concurrency?: number }): Promise<FuzzOutcome> {
  const { requests, seed, concurrency = 16 } = options;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const outcome: FuzzOutcome = { requests: 0, statuses: {}, serverErrors: [], failures: [], ms: 0 };
  const plans = fc.sample(anyPlan, { numRuns: requests, seed });
  const from = (await manyLoopbacks(target.context.port)) ? (i: number) => `127.0.${(i % addresses) >> 8}.${((i % addresses) & 255) + 1}` : () => '127.0.0.1';
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < plans.length; i = next++) {
      const req = plans[i]!(target.context);
      const { status, body } = await send(target.context.port, req, req.pinned ? '127.0.0.1' : from(i), agent);
      outcome.requests++;
      outcome.statuses[status] = (outcome.statuses[status] ?? 0) + 1;
      if (typeof status === 'number' && status >= 500) outcome.serverErrors.push(`${describe(req)} → ${status} ${body}`);
      else if (typeof status === 'string' && status !== 'reset' && status !== 'unsendable') outcome.failures.push(`${describe(req)} → ${status}`);
    }
  }));
  agent.destroy();
  outcome.ms = Math.round(performance.now() - started);
  return outcome;
}

/** The status, or why there was none; with the start of a 5xx's body. */
function send(port: number, r: FuzzRequest, localAddress: string, agent: Agent): Promise<{ status: number | string; body: string }> {
  return new Promise((resolve) => {
    let req: ReturnType<typeof request>;
    try {
      req = request({ host: '127.0.0.1', port, localAddress, method: r.method, path: r.path, headers: r.headers, agent: r.upgrade ? false : agent });
    } catch {
      return resolve({ status: 'unsendable', body: '' }); // the client itself refused (a character no header may hold)
    }
    req.setTimeout(requestTimeoutMs, () => req.destroy(new Error('timeout')));
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve({ status: 101, body: '' });
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (res.headers['content-type']?.startsWith('text/event-stream')) {
        res.destroy(); // a live feed never ends by itself
        return resolve({ status, body: '' });
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => status >= 500 && chunks.push(c));
      res.on('end', () => resolve({ status, body: Buffer.concat(chunks).toString('utf8').slice(0, 300) }));
      res.on('error', () => resolve({ status, body: '' }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      const reset = e.code === 'ECONNRESET' || e.code === 'EPIPE';
      resolve({ status: reset ? 'reset' : e.message === 'timeout' ? 'timeout' : (e.code ?? e.message), body: '' });
    });
    req.end(r.body);
  });
}

/** Whether this system routes all of 127.0.0.0/8 to loopback, as Linux does. */
const manyLoopbacks = (port: number): Promise<boolean> => new Promise((resolve) => {
  request({ host: '127.0.0.1', port, localAddress: '127.0.0.2', path: '/healthz' }, (res) => resolve(res.resume() && true)).on('error', () => resolve(false)).end();
});

const describe = (r: FuzzRequest): string => {
  const body = r.body ? ` ${r.body.length} bytes ${JSON.stringify(r.body.subarray(0, 160).toString('utf8'))}` : '';
  return `${r.method} ${r.path.slice(0, 200)}${body}`;
};
