import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { retryAfter } from '../../src/http/limit.ts';
import { errorFields } from '../../src/log.ts';
import type { Logger } from '../../src/log.ts';
import type { RateVerdict } from '../../src/ports/rate-limits.ts';
import type { ActivityStore } from './activity-store.ts';
import { conversationIdSchema, watermarkSchema } from './schemas.ts';
import type { TokenSigner } from './tokens.ts';

const streamPath = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;

export interface StreamOptions {
  /** How often a silent peer is pinged, and dropped if it did not answer the last ping. Default 30 s. */
  pingMs?: number;
  /** Streams one conversation may hold open in this process (a reconnect closes the old one). Default 4. */
  maxPerConversation?: number;
  /** Counts a connection against a limit (per client address); over it, 429. Default: none. */
  limit?: (req: IncomingMessage) => Promise<RateVerdict>;
}

export interface DirectLineStream {
  /** For `http.upgrade('/v3/directline/conversations/*', …)`. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every stream (1001, going away); Web Chat reconnects elsewhere. */
  close(): Promise<void>;
}

/**
 * `GET /v3/directline/conversations/{id}/stream?watermark=&t=token`: a WebSocket that sends
 * `{ activities, watermark }` for everything after the watermark, then each activity as any
 * process appends it. Web Chat sends empty messages to keep it alive; we ping to find dead peers.
 */
export function directLineStream(store: ActivityStore, signer: TokenSigner, log: Logger, options: StreamOptions = {}): DirectLineStream {
  const { pingMs = 30_000, maxPerConversation = 4, limit } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const open = new Map<string, number>();

  const serve = async (ws: WebSocket, conversationId: string, from: number) => {
    let watermark = from;
    let pumping: Promise<void> | undefined;
    let again = false;
    const pump = async (): Promise<void> => {
      do {
        again = false;
        const set = await store.since(conversationId, watermark);
        if (set.activities.length > 0 && ws.readyState === ws.OPEN) ws.send(JSON.stringify(set));
        watermark = Number(set.watermark);
      } while (again);
    };
    // One pump at a time; an append during one makes it go round again.
    const wake = () => {
      if (pumping) return void (again = true);
      pumping = pump().catch((e: unknown) => log.warn('webchat.stream_failed', errorFields(e))).finally(() => (pumping = undefined));
    };
    let alive = true;
    ws.on('pong', () => (alive = true));
    const pinger = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, pingMs);
    const stopWatching = store.watch(conversationId, wake);
    ws.once('close', () => {
      clearInterval(pinger);
      void stopWatching.then((stop) => stop());
    });
    await stopWatching;
    wake();
  };

  const accept = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const id = streamPath.exec(url.pathname)?.[1] ?? '';
    const watermark = watermarkSchema.safeParse(url.searchParams.get('watermark') ?? undefined);
    const token = signer.check(url.searchParams.get('t') ?? '');
    if (!conversationIdSchema.safeParse(id).success) return refuse(socket, '404 Not Found');
    if (!watermark.success) return refuse(socket, '400 Bad Request');
    if (!token.ok || token.conversationId !== id) return refuse(socket, '403 Forbidden');
    if ((open.get(id) ?? 0) >= maxPerConversation) return refuse(socket, '429 Too Many Requests');
    open.set(id, (open.get(id) ?? 0) + 1);
    socket.once('close', () => (open.get(id) === 1 ? open.delete(id) : open.set(id, (open.get(id) ?? 1) - 1)));
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (e) => log.debug('webchat.socket_error', errorFields(e)));
      serve(ws, id, watermark.data).catch((e: unknown) => {
        log.warn('webchat.stream_failed', errorFields(e));
        ws.close(1011);
      });
    });
  };

  return {
    upgrade(req, socket, head) {
      if (!limit) return accept(req, socket, head);
      void limit(req).then(
        (verdict) => (verdict.allowed ? accept(req, socket, head) : refuse(socket, '429 Too Many Requests', `Retry-After: ${retryAfter(verdict.retryAfterMs)}\r\n`)),
        (e: unknown) => {
          log.warn('webchat.stream_limit_failed', errorFields(e));
          refuse(socket, '503 Service Unavailable');
        },
      );
    },
    async close() {
      for (const ws of wss.clients) ws.close(1001);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

const refuse = (socket: Duplex, status: string, headers = ''): void => void socket.end(`HTTP/1.1 ${status}\r\n${headers}Connection: close\r\nContent-Length: 0\r\n\r\n`);
