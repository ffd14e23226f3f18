import { networkInterfaces } from 'node:os';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/log.ts';
import { routeOperations } from '../../src/ops/health.ts';

const token = 'a-metrics-token-of-at-least-32-characters';
/** This machine's address on a network, as a scraper elsewhere would reach it; none on a machine with loopback only. */
const outside = Object.values(networkInterfaces()).flat().find((i) => i?.family === 'IPv4' && !i.internal)?.address;

let http: HttpServer | undefined;
afterEach(async () => http?.close());

async function serve(metricsToken?: string): Promise<number> {
  http = new HttpServer(createLogger('silent'));
  routeOperations(http, { probes: [], metrics: new Registry(), metricsToken });
  return http.listen(0, '0.0.0.0');
}

describe('/metrics is not for the internet the webhooks face', () => {
  it('answers this machine without a token', async () => {
    const port = await serve();
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
  });

  it.runIf(outside !== undefined)('refuses another address without a token', async () => {
    const port = await serve();
    expect((await fetch(`http://${outside ?? ''}:${port}/metrics`)).status).toBe(401);
  });

  it('with a token, answers only the scraper that presents it, from anywhere', async () => {
    const port = await serve(token);
    const at = `http://127.0.0.1:${port}/metrics`;
    expect((await fetch(at)).status).toBe(401);
    expect((await fetch(at, { headers: { authorization: `Bearer ${token.slice(0, -1)}x` } })).status).toBe(401);
    expect((await fetch(at, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    if (outside) expect((await fetch(`http://${outside}:${port}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200); // health stays open for the load balancer
  });
});
