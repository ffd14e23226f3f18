import type { Registry } from 'prom-client';
import type { HttpServer } from '../http/server.ts';
import { sendJson } from '../http/server.ts';

/** A dependency the process needs to serve: Redis, the database. */
export interface Probe {
  name: string;
  check(): Promise<void>;
}

/** `/healthz` (the process is alive), `/readyz` (its dependencies answer), `/metrics` (Prometheus). */
export function routeOperations(http: HttpServer, probes: Probe[], metrics: Registry): void {
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
    sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) });
  });
  http.route('GET', '/metrics', async (_req, res) => {
    res.writeHead(200, { 'content-type': metrics.contentType }).end(await metrics.metrics());
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
