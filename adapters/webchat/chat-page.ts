import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Handler, HttpServer } from '../../src/http/server.ts';
import { catalogues } from '../../src/i18n/render.ts';
import { locales } from '../../src/taxonomy.ts';
import { localeOf } from './activities.ts';
import { uploadAccept } from './uploads.ts';
import type { Locale } from '../../src/taxonomy.ts';

export interface ChatPageOptions {
  defaultLocale: Locale;
  /**
   * CSP `frame-ancestors` of `/chat`: who may frame it (embed.js frames it on the agency's
   * site). Default `'self' https:`: any https site; list the agency's origins to narrow it.
   */
  frameAncestors?: string;
  /** Wraps every route of the page: its per-address limit. */
  limit: (handler: Handler) => Handler;
}

/** Web Chat's bundle from the installed package (the minimal one: plain text and buttons need no Markdown or cards). */
const webchatDir = join(dirname(createRequire(import.meta.url).resolve('botframework-webchat')), '..', 'dist');
const webchatVersion = (JSON.parse(readFileSync(join(webchatDir, '..', 'package.json'), 'utf8')) as { version: string }).version;
const publicDir = new URL('./public/', import.meta.url);

const pageLabels = Object.fromEntries(locales.map((l) => [l, {
  title: catalogues[l]['webchat.title'],
  open: catalogues[l]['webchat.open'],
  close: catalogues[l]['webchat.close'],
  unavailable: catalogues[l]['webchat.unavailable'],
}]));

/** JSON safe inside a `<script>` element and an HTML attribute. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const html = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Web Chat styles with emotion: empty `<style>` elements filled through CSSOM. Web Chat's own carry
 * the nonce; react-scroll-to-bottom's carry none, so the hash of empty content lets those (and only empty ones) in.
 */
const emptyStyleHash = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

const common = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

/**
 * `/chat` (the page), `/chat/webchat.js` (Web Chat, from node_modules), `/chat/chat.js`,
 * `/chat/chat.css` and `/chat/embed.js` (one script tag on the agency's site).
 */
export function routeChatPage(http: HttpServer, options: ChatPageOptions): void {
  const { limit } = options;
  const frameAncestors = options.frameAncestors ?? "'self' https:";
  const chatJs = readFileSync(new URL('chat.js', publicDir));
  const chatCss = readFileSync(new URL('chat.css', publicDir));
  const embedJs = Buffer.from(readFileSync(new URL('embed.js', publicDir), 'utf8').replace('/*LABELS*/ {}', scriptJson(pageLabels)));
  let bundle: { plain: Buffer; gzip: Buffer } | undefined;

  http.route('GET', '/chat', limit((req, res) => {
    const nonce = randomBytes(16).toString('base64');
    const lang = chosenLocale(req, options.defaultLocale);
    res.writeHead(200, {
      ...common,
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': [
        "default-src 'none'", "script-src 'self'", `style-src 'self' 'nonce-${nonce}' ${emptyStyleHash}`, "img-src 'self' data: blob:",
        "font-src 'self' data:", "connect-src 'self' blob:", "worker-src blob:", "media-src 'self' blob:", "base-uri 'none'", "form-action 'none'",
        `frame-ancestors ${frameAncestors}`,
      ].join('; '),
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
      'cross-origin-opener-policy': 'same-origin',
    }).end(`<!doctype html>
<html lang="${lang}" data-default-locale="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(catalogues[lang]['webchat.title'])}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/chat/chat.css">
<script type="application/json" id="webchat-labels">${scriptJson(pageLabels)}</script>
</head>
<body>
<div id="webchat" role="main" data-upload-accept="${html(uploadAccept)}"></div>
<script src="/chat/webchat.js?v=${html(webchatVersion)}"></script>
<script src="/chat/chat.js" nonce="${nonce}"></script>
</body>
</html>
`);
  }));

  http.route('GET', '/chat/webchat.js', limit((req, res) => {
    bundle ??= load();
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const etag = `"webchat-${webchatVersion}"`;
    const headers = { ...common, 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=604800', etag, vary: 'accept-encoding', 'cross-origin-resource-policy': 'same-origin' };
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
    res.writeHead(200, { ...headers, ...(gzip ? { 'content-encoding': 'gzip' } : {}) }).end(gzip ? bundle.gzip : bundle.plain);
  }));

  const asset = (body: Buffer, type: string, crossOrigin: boolean) => limit((_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, {
      ...common, 'content-type': type, 'cache-control': 'public, max-age=3600',
      'cross-origin-resource-policy': crossOrigin ? 'cross-origin' : 'same-origin',
    }).end(body);
  });
  http.route('GET', '/chat/chat.js', asset(chatJs, 'text/javascript; charset=utf-8', false));
  http.route('GET', '/chat/chat.css', asset(chatCss, 'text/css; charset=utf-8', false));
  http.route('GET', '/chat/embed.js', asset(embedJs, 'text/javascript; charset=utf-8', true));
}

function load(): { plain: Buffer; gzip: Buffer } {
  const plain = readFileSync(join(webchatDir, 'webchat-minimal.js'));
  return { plain, gzip: gzipSync(plain) };
}

/** `?lang=`, else the browser's first language we speak, else the default. The page's script decides again with `navigator.language`. */
function chosenLocale(req: IncomingMessage, fallback: Locale): Locale {
  const asked = new URL(req.url ?? '/', 'http://local').searchParams.get('lang');
  const wanted = [asked, ...String(req.headers['accept-language'] ?? '').split(',').map((part) => part.split(';')[0]?.trim())];
  return wanted.map((tag) => localeOf(tag ?? undefined)).find((l) => l !== undefined) ?? fallback;
}
