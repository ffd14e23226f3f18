import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorFields } from '../log.ts';
import type { Logger } from '../log.ts';

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
};

/**
 * The one HTTP server (PORT): health and metrics, and the channels' webhooks
 * as they register. Routes are exact paths, or prefixes ending in `*`.
 */
export class HttpServer {
  readonly #routes: { method: string; path: string; handler: Handler }[] = [];
  readonly #server: Server;
  readonly #log: Logger;

  constructor(log: Logger) {
    this.#log = log;
    this.#server = createServer((req, res) => void this.#dispatch(req, res));
  }

  route(method: string, path: string, handler: Handler): this {
    this.#routes.push({ method, path, handler });
    return this;
  }

  listen(port: number, host = '0.0.0.0'): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => resolve((this.#server.address() as AddressInfo).port));
    });
  }

  /** Stops taking connections and waits for the open requests to finish. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeIdleConnections();
    });
  }

  async #dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    const matching = this.#routes.filter((r) => (r.path.endsWith('*') ? path.startsWith(r.path.slice(0, -1)) : path === r.path));
    const route = matching.find((r) => r.method === req.method);
    if (!route) return sendJson(res, matching.length > 0 ? 405 : 404, { error: matching.length > 0 ? 'method not allowed' : 'not found' });
    try {
      await route.handler(req, res);
    } catch (e) {
      this.#log.error('http.failed', { path: route.path, ...errorFields(e) });
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    }
  }
}
