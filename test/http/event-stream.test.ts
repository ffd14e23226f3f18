import { Agent, get } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openEventStream } from '../../src/http/event-stream.ts';
import type { EventStream, EventStreamOptions } from '../../src/http/event-stream.ts';
import { HttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/log.ts';

/** A client reading the stream at `/events` as text. */
interface Client {
  res: IncomingMessage;
  text(): string;
  ended: Promise<void>;
  leave(): void;
}

function connect(port: number): Promise<Client> {
  return new Promise((resolve, reject) => {
    // No agent: a pooled connection would outlive the test.
    const req = get({ host: '127.0.0.1', port, path: '/events', agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      const ended = new Promise<void>((done) => res.once('close', done));
      resolve({ res, text: () => text, ended, leave: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

describe('openEventStream', () => {
  const servers: HttpServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  /** A server streaming at `/events`; `opened` gives the server side of the next stream. */
  const start = async (options: Omit<EventStreamOptions, 'server'> = {}) => {
    const http = new HttpServer(createLogger('silent'));
    servers.push(http);
    const streams: EventStream[] = [];
    let next: (stream: EventStream) => void = () => {};
    http.route('GET', '/events', (_req, res) => {
      const stream = openEventStream(res, { server: http, ...options });
      streams.push(stream);
      next(stream);
    });
    const port = await http.listen(0, '127.0.0.1');
    const open = async () => {
      const opened = new Promise<EventStream>((resolve) => (next = resolve));
      const client = await connect(port);
      return { client, stream: await opened };
    };
    return { http, open, port };
  };

  it('answers with event-stream headers and sends each event as a name and one line of JSON', async () => {
    const { open } = await start();
    const { client, stream } = await open();
    expect(client.res.statusCode).toBe(200);
    expect(client.res.headers).toMatchObject({ 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'x-accel-buffering': 'no', connection: 'keep-alive' });
    stream.send('ticket', { kind: 'ticket', caseId: 'TC-7Q2K9M', change: 'opened', note: 'two\nlines' });
    stream.send('message', undefined);
    await vi.waitFor(() => expect(client.text()).toBe(
      'event: ticket\ndata: {"kind":"ticket","caseId":"TC-7Q2K9M","change":"opened","note":"two\\nlines"}\n\n'
      + 'event: message\ndata: null\n\n',
    ));
    client.leave();
  });

  it('refuses an event name that would break its line', async () => {
    const { open } = await start();
    const { client, stream } = await open();
    expect(() => stream.send('ticket\ndata: forged', {})).toThrow('one line');
    expect(() => stream.send('ticket\r', {})).toThrow('one line');
    stream.send('ticket', 1);
    await vi.waitFor(() => expect(client.text()).toBe('event: ticket\ndata: 1\n\n'));
    client.leave();
  });

  it('sends a comment line every heartbeat', async () => {
    const { open } = await start({ heartbeatMs: 10 });
    const { client } = await open();
    await vi.waitFor(() => expect(client.text()).toMatch(/^(:\n\n){3}/));
    client.leave();
  });

  it('stops the heartbeat and settles `closed` when the client leaves', async () => {
    const setInterval = vi.spyOn(globalThis, 'setInterval');
    const clearInterval = vi.spyOn(globalThis, 'clearInterval');
    try {
      const { open } = await start({ heartbeatMs: 10 });
      const { client, stream } = await open();
      const heartbeat = setInterval.mock.results.at(-1)?.value as unknown;
      client.leave();
      await stream.closed;
      expect(clearInterval).toHaveBeenCalledWith(heartbeat);
      stream.send('ticket', {}); // a late event is dropped, not an error
    } finally {
      setInterval.mockRestore();
      clearInterval.mockRestore();
    }
  });

  it('ends the response when closed by the server side', async () => {
    const { open } = await start();
    const { client, stream } = await open();
    stream.send('message', { caseId: 'TC-1' });
    stream.close();
    await client.ended;
    await stream.closed;
    expect(client.text()).toBe('event: message\ndata: {"caseId":"TC-1"}\n\n');
  });

  it('lets the server close at once while a stream is open, ending the stream', async () => {
    const { http, open } = await start();
    const { client, stream } = await open();
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 2_000).unref());
    expect(await Promise.race([http.close().then(() => 'closed'), timeout])).toBe('closed');
    await Promise.all([stream.closed, client.ended]);
    servers.length = 0;
  });

  it('tells clients the server is going away, and closes though they reconnect on the kept-alive connection', async () => {
    const { http, port } = await start();
    // As a browser's EventSource: one kept-alive connection, and a new request as soon as the stream ends.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const texts: string[] = [];
    const statuses: number[] = [];
    const reconnect = () => {
      const req = get({ host: '127.0.0.1', port, path: '/events', agent }, (res) => {
        statuses.push(res.statusCode ?? 0);
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.once('end', () => {
          texts.push(text);
          if (texts.length < 3) reconnect();
        });
      });
      req.on('error', () => texts.push('refused'));
    };
    reconnect();
    await vi.waitFor(() => expect(statuses).toEqual([200]));
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 2_000).unref());
    expect(await Promise.race([http.close().then(() => 'closed'), timeout])).toBe('closed');
    servers.length = 0;
    await vi.waitFor(() => expect(texts[0]).toBe('event: closing\ndata: null\nretry: 5000\n\n'));
    agent.destroy();
  });

  it('cuts off a client that does not keep up, instead of buffering without end', async () => {
    const { open } = await start({ maxBufferedBytes: 64 * 1024 });
    const { client, stream } = await open();
    client.res.pause(); // reads nothing: the socket's buffers fill, then the response's
    const chunk = 'x'.repeat(64 * 1024);
    let over = false;
    void stream.closed.then(() => (over = true));
    for (let i = 0; i < 2_000 && !over; i++) {
      stream.send('message', chunk);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(over).toBe(true);
  });
});
