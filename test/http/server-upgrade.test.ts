import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { HttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/log.ts';

/** The raw answer to an upgrade request on `path`. */
function rawUpgrade(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n`));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('HttpServer upgrades', () => {
  const servers: HttpServer[] = [];
  const start = async () => {
    const http = new HttpServer(createLogger('silent'));
    servers.push(http);
    const wss = new WebSocketServer({ noServer: true });
    wss.on('connection', (ws) => ws.send('hello'));
    http.upgrade('/ws/*', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)));
    return { http, port: await http.listen(0, '127.0.0.1') };
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('hands an upgrade on a matching path to its handler, and refuses others with 404', async () => {
    const { port } = await start();
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/one`);
    const first = await new Promise<string>((resolve) => ws.once('message', (d: Buffer) => resolve(d.toString())));
    expect(first).toBe('hello');
    ws.close();
    expect(await rawUpgrade(port, '/elsewhere')).toMatch(/^HTTP\/1\.1 404 Not Found/);
  });

  it('cuts upgraded connections when it closes, instead of waiting for them', async () => {
    const { http, port } = await start();
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/two`);
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise((resolve) => ws.once('close', resolve));
    await http.close();
    await closed;
    servers.length = 0;
  });
});
