import { readdirSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http/server.ts';
import type { HttpServer } from '../http/server.ts';
import { locales } from '../taxonomy.ts';

const publicDir = new URL('./public/', import.meta.url);
const localeDir = new URL('../../locales/console/', import.meta.url);

const jsonType = 'application/json; charset=utf-8';
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The console is same-origin only: its own scripts and styles, its own API, never framed. The report pages share it. */
export const consoleHeaders = {
  'content-security-policy': [
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
    "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-cache',
};

interface Asset {
  body: Buffer;
  type: string;
}

/**
 * Every file the console may serve, read once at startup: the request path is only ever a key
 * of this map, never joined to a directory, so no path can reach another file.
 */
function loadAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(publicDir)) {
    const type = contentTypes[extname(name)];
    if (type) assets.set(`/console/${name}`, { body: readFileSync(new URL(name, publicDir)), type });
  }
  for (const locale of locales) {
    assets.set(`/console/locales/${locale}.json`, { body: readFileSync(new URL(`${locale}.json`, localeDir)), type: jsonType });
  }
  return assets;
}

/** The staff console: `/console` (the page), its scripts and styles, and its strings in each locale. */
export function routeConsolePage(http: HttpServer): void {
  const assets = loadAssets();
  const page = assets.get('/console/index.html');
  if (!page) throw new Error('the console page src/console/public/index.html is missing');
  const send = (res: ServerResponse, asset: Asset) => void res.writeHead(200, { ...consoleHeaders, 'content-type': asset.type }).end(asset.body);

  assets.set('/console/', page);
  http.route('GET', '/console', (_req, res) => send(res, page));
  http.route('GET', '/console/*', (req, res) => {
    const asset = assets.get(new URL(req.url ?? '/', 'http://local').pathname);
    if (!asset) return sendJson(res, 404, { error: 'not found' });
    send(res, asset);
  });
}
