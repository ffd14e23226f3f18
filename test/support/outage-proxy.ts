import { connect, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { throughPort } from './tcp-fault.ts';

/** One client connection and its way to the service; `upstream` is opened late for a connection made while cut. */
interface Pair {
  client: Socket;
  upstream: Socket | undefined;
  /** Bytes each way held while cut, delivered in order when the service comes back. */
  toUpstream: Buffer[];
  toClient: Buffer[];
  /** A side that left while cut: its leaving is told to the other side when the service comes back. */
  clientLeft: boolean;
  upstreamLeft: boolean;
}

/**
 * A TCP port standing in for a service, like `TcpFault`, that can also come back. `cut()` is a
 * network black hole: connections stay open and nothing passes either way; new connections are
 * accepted and hear nothing. `restore()` heals it as a real network does: what each side sent
 * meanwhile arrives late and in order (TCP retransmits), a side that left meanwhile is seen to
 * have left, connections opened meanwhile reach the service, and from then on bytes pass as before.
 */
export class OutageProxy {
  readonly #server: Server;
  readonly #target: { host: string; port: number };
  readonly #pairs = new Set<Pair>();
  #cut = false;
  /** When the current outage began (Date.now()), or null while the service is reachable. */
  cutAt: number | null = null;

  private constructor(target: { host: string; port: number }) {
    this.#target = target;
    this.#server = createServer((client) => this.#accept(client));
  }

  /** A port passing through to `url`'s host and port until cut. */
  static async in(url: string): Promise<OutageProxy> {
    const { hostname, port } = new URL(url);
    const proxy = new OutageProxy({ host: hostname, port: Number(port) });
    await new Promise<void>((resolve) => proxy.#server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  get isCut(): boolean {
    return this.#cut;
  }

  /** How many client connections are open through it now. */
  get connections(): number {
    return this.#pairs.size;
  }

  /** `url` with its host and port replaced by this one's (user, password, path kept). */
  url(url: string): string {
    return throughPort(url, this.port);
  }

  /** From now on nothing passes, either way, on any connection. */
  cut(): void {
    if (this.#cut) return;
    this.#cut = true;
    this.cutAt = Date.now();
  }

  /** The network heals: held bytes and leavings go through, in order, and bytes pass again. */
  restore(): void {
    if (!this.#cut) return;
    this.#cut = false;
    this.cutAt = null;
    for (const pair of [...this.#pairs]) {
      if (!pair.upstream) {
        // Opened while cut: it reaches the service now, unless its client already gave up (its SYN never mattered).
        if (pair.clientLeft) this.#forget(pair);
        else this.#openUpstream(pair);
        continue;
      }
      this.#flush(pair);
    }
  }

  async close(): Promise<void> {
    for (const pair of this.#pairs) {
      pair.client.destroy();
      pair.upstream?.destroy();
    }
    this.#pairs.clear();
    await new Promise((resolve) => this.#server.close(resolve));
  }

  #accept(client: Socket): void {
    const pair: Pair = { client, upstream: undefined, toUpstream: [], toClient: [], clientLeft: false, upstreamLeft: false };
    this.#pairs.add(pair);
    client.on('error', () => client.destroy());
    client.on('data', (d: Buffer) => {
      if (this.#cut || !pair.upstream || pair.upstream.connecting) pair.toUpstream.push(d);
      else pair.upstream.write(d);
    });
    client.on('close', () => {
      pair.clientLeft = true;
      if (this.#cut || !pair.upstream) return;
      if (pair.upstream.connecting) return; // told once it connects, after the bytes before it
      pair.upstream.end();
      if (pair.upstreamLeft) this.#forget(pair);
    });
    if (!this.#cut) this.#openUpstream(pair);
  }

  #openUpstream(pair: Pair): void {
    const upstream = connect(this.#target.port, this.#target.host);
    pair.upstream = upstream;
    upstream.on('error', () => upstream.destroy());
    upstream.on('connect', () => {
      if (!this.#cut) this.#flush(pair);
    });
    upstream.on('data', (d: Buffer) => {
      if (this.#cut) pair.toClient.push(d);
      else pair.client.write(d);
    });
    upstream.on('close', () => {
      pair.upstreamLeft = true;
      if (this.#cut) return;
      pair.client.end();
      if (pair.clientLeft) this.#forget(pair);
    });
  }

  /** Delivers what was held, then the leavings that were held. */
  #flush(pair: Pair): void {
    const { upstream, client } = pair;
    if (!upstream || upstream.connecting) return;
    for (const d of pair.toUpstream.splice(0)) if (!upstream.destroyed) upstream.write(d);
    for (const d of pair.toClient.splice(0)) if (!client.destroyed) client.write(d);
    if (pair.clientLeft) upstream.end();
    if (pair.upstreamLeft) client.end();
    if (pair.clientLeft && pair.upstreamLeft) this.#forget(pair);
  }

  #forget(pair: Pair): void {
    pair.client.destroy();
    pair.upstream?.destroy();
    this.#pairs.delete(pair);
  }
}
