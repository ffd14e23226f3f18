import { connect, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

/**
 * A TCP port standing in for a service. With a target it passes bytes both ways until
 * `freeze()`; from then on, or from the start without a target (a "black hole"), it keeps
 * every connection open and answers nothing, as a hung service or a cut network does.
 */
export class TcpFault {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #frozen: boolean;
  #reached: (at: number) => void = () => {};
  /** When (Date.now()) the first connection came: what a timeout is measured from. */
  readonly reached = new Promise<number>((resolve) => (this.#reached = resolve));

  private constructor(target: { host: string; port: number } | undefined) {
    this.#frozen = target === undefined;
    this.#server = createServer((client) => {
      this.#reached(Date.now());
      this.#track(client);
      if (!target) return;
      const upstream = this.#track(connect(target.port, target.host));
      client.on('data', (d: Buffer) => this.#frozen || upstream.write(d));
      upstream.on('data', (d: Buffer) => this.#frozen || client.write(d));
      // Until frozen, a side that leaves takes the other with it; frozen, nothing is said at all.
      client.on('close', () => this.#frozen || upstream.destroy());
      upstream.on('close', () => this.#frozen || client.destroy());
    });
  }

  /** A port that accepts connections and never answers. */
  static blackHole(): Promise<TcpFault> {
    return new TcpFault(undefined).#listen();
  }

  /** A port passing through to `url`'s host and port until frozen. */
  static in(url: string): Promise<TcpFault> {
    const { hostname, port } = new URL(url);
    return new TcpFault({ host: hostname, port: Number(port) }).#listen();
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** `url` with its host and port replaced by this one's (user, password, path kept). */
  url(url: string): string {
    return throughPort(url, this.port);
  }

  freeze(): void {
    this.#frozen = true;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise((resolve) => this.#server.close(resolve));
  }

  #track(socket: Socket): Socket {
    this.#sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.once('close', () => this.#sockets.delete(socket));
    return socket;
  }

  #listen(): Promise<TcpFault> {
    return new Promise((resolve) => this.#server.listen(0, '127.0.0.1', () => resolve(this)));
  }
}

/** `url` pointed at `port` on this machine, its user, password and path kept: a service reached through a proxy. */
export function throughPort(url: string, port: number): string {
  const through = new URL(url);
  through.hostname = '127.0.0.1';
  through.port = String(port);
  return through.href;
}

/** A port nothing listens on now: a service that is down. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
