import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { Logger } from '../log.ts';

/** The HTTP surface: health now; channel webhooks and the console join it as they arrive. */
export function startHttp(port: number, log: Logger): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      log.info('http.listening', { port });
      resolve(server);
    });
  });
}
