import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { errorFields } from '../log.ts';
import type { Logger } from '../log.ts';
import { requestIdFrom, withRequest } from '../request-context.ts';

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
/** Takes over a connection that asked to upgrade (e.g. to a WebSocket). */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
};

/**
 * The one HTTP server (PORT): health and metrics, and the channels' webhooks
 * as they register. Routes are exact paths, or prefixes ending in `*`; so are upgrades.
 *
 * Each request has an id (a well-formed `x-request-id` it came with, else a new one), echoed
 * in the `x-request-id` header and carried by every log line written while it is handled
 * (request-context.ts); when it ends, `http.request` logs its method, route pattern, status
 * and time: at debug when it succeeded, at info otherwise. Never the URL (its query may hold
 * a token) nor headers.
 */
export class HttpServer {
  readonly #routes: { method: string; path: string; handler: Handler }[] = [];
  readonly #upgrades: { path: string; handler: UpgradeHandler }[] = [];
  readonly #upgraded = new Set<Duplex>();
  /** Each held response, with how to end it. */
  readonly #held = new Map<ServerResponse, () => void>();
  readonly #server: Server;
  readonly #log: Logger;
  #closing = false;

  constructor(log: Logger) {
    this.#log = log;
    this.#server = createServer((req, res) => this.#request(req, res));
    this.#server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => this.#upgrade(req, socket, head));
  }

  route(method: string, path: string, handler: Handler): this {
    this.#routes.push({ method, path, handler });
    return this;
  }

  /** Hands connections asking to upgrade at `path` to `handler`; others are refused with 404. */
  upgrade(path: string, handler: UpgradeHandler): this {
    this.#upgrades.push({ path, handler });
    return this;
  }

  /**
   * Registers a long-lived response (an event stream), which `close()` ends with `end`
   * rather than waiting for it: it would never finish by itself. Forgotten once it closes;
   * ended at once when the server is already closing.
   */
  hold(res: ServerResponse, end: () => void = () => res.end()): void {
    if (res.closed) return; // its client already left: there is nothing to end, nor a close to forget it on
    if (this.#closing) return end();
    this.#held.set(res, end);
    res.once('close', () => this.#held.delete(res));
  }

  listen(port: number, host = '0.0.0.0'): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => resolve((this.#server.address() as AddressInfo).port));
    });
  }

  /**
   * Stops taking connections and waits for the open requests to finish, for `graceMs` at most
   * (then their connections are cut); upgraded connections are cut, held responses ended.
   */
  close(graceMs = Infinity): Promise<void> {
    this.#closing = true;
    return new Promise((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeIdleConnections();
      if (Number.isFinite(graceMs)) setTimeout(() => this.#server.closeAllConnections(), graceMs).unref();
      for (const socket of this.#upgraded) socket.destroy();
      for (const end of this.#held.values()) end();
    });
  }

  /** An upgrade has an id too, for the lines written as it is handed over; no header echoes it (the handler answers). */
  #upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    withRequest({ requestId: requestIdFrom(req.headers['x-request-id']) }, () => this.#upgradeIn(req, socket, head));
  }

  #upgradeIn(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy()); // a reset by the peer must not crash the process
    const path = targetOf(req)?.pathname;
    if (path === undefined) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const route = this.#upgrades.find((u) => matches(u.path, path));
    if (!route) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    this.#upgraded.add(socket);
    socket.once('close', () => this.#upgraded.delete(socket));
    route.handler(req, socket, head);
  }

  #request(req: IncomingMessage, res: ServerResponse): void {
    const context = { requestId: requestIdFrom(req.headers['x-request-id']) };
    const started = performance.now();
    const seen: Seen = { route: null };
    res.setHeader('x-request-id', context.requestId);
    // 'close' comes after 'finish', and also when the client leaves first; emitted outside the request's context.
    res.once('close', () => withRequest(context, () => {
      const fields = { method: req.method ?? null, route: seen.route, status: res.statusCode, ms: Math.round(performance.now() - started) };
      if (res.statusCode < 400) this.#log.debug('http.request', fields);
      else this.#log.info('http.request', fields);
    }));
    withRequest(context, () => void this.#dispatch(req, res, seen));
  }

  async #dispatch(req: IncomingMessage, res: ServerResponse, seen: Seen): Promise<void> {
    // Once closing, no connection is kept alive: a client (an EventSource reconnecting) would
    // send its next request on it, and the close would wait for that one too.
    res.once('finish', () => this.#closing && req.socket.destroySoon());
    if (this.#closing) return sendJson(res.setHeader('connection', 'close'), 503, { error: 'shutting down' });
    const path = targetOf(req)?.pathname;
    if (path === undefined) return sendJson(res, 400, { error: 'bad request target' });
    const matching = this.#routes.filter((r) => matches(r.path, path));
    const route = matching.find((r) => r.method === req.method);
    seen.route = (route ?? matching[0])?.path ?? null;
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

/** What the access log learns of a request as it is dispatched: the pattern of the route it matched. */
interface Seen {
  route: string | null;
}

/**
 * The request's target; undefined when it is no URL (`//`, which would throw in every handler
 * that reads the query) or its query holds a NUL (`%00`), which PostgreSQL refuses. A NUL in
 * the path needs no check: no route's path holds one.
 */
const targetOf = (req: IncomingMessage): URL | undefined => {
  const url = URL.parse(req.url ?? '/', 'http://local');
  return url === null || url.search.includes('%00') ? undefined : url;
};
const matches = (pattern: string, path: string): boolean => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);
