import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Registry } from 'prom-client';
import type { HttpServer } from '../http/server.ts';
import type { Inbox } from '../ports/inbox.ts';
import { sendJson } from '../http/server.ts';

/** A dependency the process needs to serve: Redis, the database. */
export interface Probe {
  name: string;
  check(): Promise<void>;
}

export interface OperationsParts {
  probes: Probe[];
  metrics: Registry;
  /** Without it, only this machine may scrape `/metrics`. */
  metricsToken?: string | undefined;
  /** Its dead letters are counted in `/readyz` (`setAside`): messages staff must look at, though the process is ready. */
  inbox?: Pick<Inbox, 'deadLetters'>;
}

/** `/healthz` (the process is alive), `/readyz` (its dependencies answer), `/metrics` (Prometheus). */
export function routeOperations(http: HttpServer, { probes, metrics, metricsToken, inbox }: OperationsParts): void {
  http.route('GET', '/healthz', (_req, res) => sendJson(res, 200, { status: 'ok' }));
  http.route('GET', '/readyz', async (_req, res) => {
    const results = await Promise.all(probes.map(async (p) => {
      try {
        await withTimeout(p.check(), 2_000);
        return [p.name, 'ok'] as const;
      } catch {
        return [p.name, 'unreachable'] as const;
      }
    }));
    const ready = results.every(([, status]) => status === 'ok');
    const setAside = inbox && ready ? await withTimeout(inbox.deadLetters(), 2_000).then((d) => d.length, () => null) : null;
    sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results), ...(setAside === null ? {} : { setAside }) });
  });
  http.route('GET', '/metrics', async (req, res) => {
    if (!mayScrape(req, metricsToken)) return sendJson(res, 401, { error: 'metrics need the bearer token (METRICS_TOKEN), or a request from this machine' });
    res.writeHead(200, { 'content-type': metrics.contentType }).end(await metrics.metrics());
  });
}

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Metrics name queues, channels and error rates: not for the internet the webhooks face. With a
 * token, only a scraper that presents it; without one, only this machine.
 */
function mayScrape(req: IncomingMessage, token: string | undefined): boolean {
  if (token === undefined) return loopback.has(req.socket.remoteAddress ?? '');
  const given = Buffer.from(req.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
