import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeConsolePage } from '../../src/console/console-page.ts';
import { HttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/log.ts';

const publicFiles = readdirSync(new URL('../../src/console/public/', import.meta.url));
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
const typeOf: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

let http: HttpServer;
let port: number;
beforeAll(async () => {
  http = new HttpServer(createLogger('silent'));
  routeConsolePage(http);
  port = await http.listen(0, '127.0.0.1');
});
afterAll(() => http.close());

/** A GET with the path sent exactly as written: fetch would resolve `..` before sending. */
const get = (path: string) => new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
  request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
    let body = '';
    res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
  }).on('error', reject).end();
});

function expectPageHeaders(headers: Record<string, string | string[] | undefined>) {
  expect(headers['content-security-policy']).toBe(csp);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['cache-control']).toBe('no-cache');
}

describe('the console page', () => {
  it.each(['/console', '/console/'])('serves the page at %s with the strict headers', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(typeOf.html);
    expectPageHeaders(res.headers);
    expect(res.body).toContain('<script type="module" src="/console/console.js"></script>');
  });

  it.each(publicFiles)('serves %s with its content type', async (name) => {
    const res = await get(`/console/${name}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(typeOf[name.split('.').pop()!]);
    expectPageHeaders(res.headers);
  });

  it.each(['en', 'zh-CN', 'zh-TW'])('serves the %s strings', async (locale) => {
    const res = await get(`/console/locales/${locale}.json`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(typeOf.json);
    expect(JSON.parse(res.body)).toHaveProperty('app.title');
  });

  it.each([
    '/console/../package.json',
    '/console/%2e%2e/package.json',
    '/console/%2E%2E%2Fpackage.json',
    '/console/..%2f..%2fpackage.json',
    '/console/locales/../../package.json',
    '/console/locales/fr.json',
    '/console/locales/%2e%2e%2fen.json',
    '/console/nope.js',
    '/console/console.js/',
    '/console//console.js',
    '/console/console.js%00',
  ])('answers 404 JSON for %s', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toEqual({ error: 'not found' });
  });
});
