import type { ServerResponse } from 'node:http';
import type { HttpServer } from './server.ts';

export interface EventStreamOptions {
  /** The server the response belongs to: it ends the stream when it closes, instead of waiting for it. */
  server: Pick<HttpServer, 'hold'>;
  /** How often a comment line goes out, so proxies and browsers keep a quiet stream open. Default 25 s. */
  heartbeatMs?: number;
  /** Unsent bytes past which a client that does not keep up is cut off. Default 1 MiB. */
  maxBufferedBytes?: number;
}

export interface EventStream {
  /** Sends `data` as JSON under the name `event`; does nothing once the stream is over. */
  send(event: string, data: unknown): void;
  /** Resolves when the stream is over: the client left, or it was closed or cut off. */
  closed: Promise<void>;
  close(): void;
}

/** How long a client told the server is closing waits before it reconnects. */
const reconnectAfterClosingMs = 5_000;

const headers = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-store',
  // Tells nginx not to buffer the stream, which would hold events back.
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
};

/**
 * Turns `res` into a server-sent events stream (`text/event-stream`). The client sees
 * `event: <name>` and `data: <JSON>` per event, and a `:` comment every `heartbeatMs`.
 *
 * ```ts
 * const stream = openEventStream(res, { server: http });
 * const stop = await feed.subscribe((event) => stream.send(event.kind, event));
 * await stream.closed;
 * stop();
 * ```
 */
export function openEventStream(res: ServerResponse, options: EventStreamOptions): EventStream {
  const { heartbeatMs = 25_000, maxBufferedBytes = 1024 * 1024 } = options;
  // A client may have left while the route was still deciding to stream.
  const closed = res.closed ? Promise.resolve() : new Promise<void>((resolve) => res.once('close', resolve));
  res.writeHead(200, headers).flushHeaders();
  const over = () => res.writableEnded || res.destroyed;
  const write = (text: string) => {
    if (over()) return;
    // Cut rather than ended: ending would wait to flush the very backlog that is too large.
    if (!res.write(text) && res.writableLength > maxBufferedBytes) res.destroy();
  };
  const heartbeat = setInterval(() => write(':\n\n'), heartbeatMs).unref();
  void closed.then(() => clearInterval(heartbeat));
  const close = () => {
    clearInterval(heartbeat);
    if (!over()) res.end();
  };
  options.server.hold(res, () => {
    // The server is going away: the client is told, and to wait a moment before it reconnects (to a process that serves then).
    write(`event: closing\ndata: null\nretry: ${reconnectAfterClosingMs}\n\n`);
    close();
  });
  return {
    send(event, data) {
      // A line break would end the field and let the rest be read as fields of its own.
      if (/[\r\n]/.test(event)) throw new Error('an event name must be one line');
      // JSON.stringify escapes line breaks, so the data is one line; undefined has no JSON of its own.
      write(`event: ${event}\ndata: ${JSON.stringify(data) ?? 'null'}\n\n`);
    },
    closed,
    close,
  };
}
