import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { errorFields } from '../log.ts';
import type { Logger } from '../log.ts';

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
/** Takes over a connection that asked to upgrade (e.g. to a WebSocket). */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
};

/**
 * The one HTTP server (PORT): health and metrics, and the channels' webhooks
 * as they register. Routes are exact paths, or prefixes ending in `*`; so are upgrades.
 */
export class HttpServer {
  readonly #routes: { method: string; path: string; handler: Handler }[] = [];
  readonly #upgrades: { path: string; handler: UpgradeHandler }[] = [];
  readonly #upgraded = new Set<Duplex>();
  readonly #held = new Set<ServerResponse>();
  readonly #server: Server;
  readonly #log: Logger;

  constructor(log: Logger) {
    this.#log = log;
    this.#server = createServer((req, res) => void this.#dispatch(req, res));
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
   * Registers a long-lived response (an event stream), which `close()` ends rather than
   * waiting for it: it would never finish by itself. Forgotten once it closes.
   */
  hold(res: ServerResponse): void {
    if (res.closed) return; // its client already left: there is nothing to end, nor a close to forget it on
    this.#held.add(res);
    res.once('close', () => this.#held.delete(res));
  }

  listen(port: number, host = '0.0.0.0'): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => resolve((this.#server.address() as AddressInfo).port));
    });
  }

  /** Stops taking connections and waits for the open requests to finish; upgraded connections are cut, held responses ended. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeIdleConnections();
      for (const socket of this.#upgraded) socket.destroy();
      for (const res of this.#held) res.end();
    });
  }

  #upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy()); // a reset by the peer must not crash the process
    const route = this.#upgrades.find((u) => matches(u.path, pathOf(req)));
    if (!route) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    this.#upgraded.add(socket);
    socket.once('close', () => this.#upgraded.delete(socket));
    route.handler(req, socket, head);
  }

  async #dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = pathOf(req);
    const matching = this.#routes.filter((r) => matches(r.path, path));
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

const pathOf = (req: IncomingMessage): string => new URL(req.url ?? '/', 'http://local').pathname;
const matches = (pattern: string, path: string): boolean => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);
