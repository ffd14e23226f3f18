import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/conversation/messages.ts';
import { HttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/log.ts';
import { routeOperations } from '../../src/ops/health.ts';
import { MemoryInbox } from '../../src/stores/memory/memory-inbox.ts';

let http: HttpServer | undefined;
afterEach(async () => http?.close());

const message: InboundMessage = {
  channel: 'telegram', conversationId: 'c1', senderId: 'u1', senderRole: 'traveller', messageId: 'm1', text: 'hi', attachments: [], receivedAt: new Date(0),
};

describe('/readyz', () => {
  it('stays ready with messages set aside, and counts them for the operator', async () => {
    const inbox = new MemoryInbox();
    http = new HttpServer(createLogger('silent'));
    routeOperations(http, { probes: [{ name: 'redis', check: async () => {} }], metrics: new Registry(), inbox });
    const port = await http.listen(0, '127.0.0.1');
    const ready = async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).json();
    expect(await ready()).toEqual({ status: 'ready', checks: { redis: 'ok' }, setAside: 0 });
    await inbox.accept(message);
    await inbox.deadLetter(message);
    expect(await ready()).toEqual({ status: 'ready', checks: { redis: 'ok' }, setAside: 1 });
  });

  it('answers 503 naming the dependency that does not answer', async () => {
    http = new HttpServer(createLogger('silent'));
    routeOperations(http, { probes: [{ name: 'postgres', check: () => Promise.reject(new Error('down')) }], metrics: new Registry(), inbox: new MemoryInbox() });
    const port = await http.listen(0, '127.0.0.1');
    const res = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'not ready', checks: { postgres: 'unreachable' } });
  });
});
