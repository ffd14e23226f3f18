import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues } from '../../src/i18n/render.ts';
import { locales } from '../../src/taxonomy.ts';
import { WebchatServer } from '../support/webchat.ts';

describe('web chat: the page and the embed script', () => {
  let server: WebchatServer;
  beforeAll(async () => {
    server = await WebchatServer.start();
  });
  afterAll(() => server.close());

  it('serves /chat with strict security headers and a fresh style nonce', async () => {
    const res = await server.fetch('/chat?lang=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'self' https:");
    expect(csp).not.toContain('unsafe');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    const html = await res.text();
    expect(html).toContain(`<script src="/chat/chat.js" nonce="${nonce}"></script>`);
    expect(html).toMatch(/<script src="\/chat\/webchat\.js\?v=4\.\d+\.\d+"><\/script>/);
    expect(html).not.toMatch(/<script>/); // no inline script
    expect(html).toContain('<html lang="en"');
    const again = await server.fetch('/chat');
    expect(again.headers.get('content-security-policy')).not.toContain(`'nonce-${nonce}'`);
  });

  it('speaks the traveller\'s language: ?lang=, else the browser\'s, else the default', async () => {
    expect(await (await server.fetch('/chat?lang=zh-TW')).text()).toContain(`<title>${catalogues['zh-TW']['webchat.title']}</title>`);
    expect(await (await server.fetch('/chat', { headers: { 'accept-language': 'fr;q=1, zh-HK;q=0.8' } })).text()).toContain('<html lang="zh-TW"');
    expect(await (await server.fetch('/chat?lang=xx')).text()).toContain('<html lang="zh-CN"');
    const labels = /<script type="application\/json" id="webchat-labels">(.*)<\/script>/.exec(await (await server.fetch('/chat')).text())?.[1];
    expect(Object.keys(JSON.parse(labels ?? '{}') as object)).toEqual([...locales]);
  });

  it('serves Web Chat from the installed package, cached and compressed', async () => {
    const plain = await server.fetch('/chat/webchat.js', { headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=604800');
    const body = Buffer.from(await plain.arrayBuffer());
    expect(body.length).toBeGreaterThan(500_000);
    const etag = plain.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"webchat-4\./);
    expect((await server.fetch('/chat/webchat.js', { headers: { 'if-none-match': etag } })).status).toBe(304);

    // fetch would unzip: read the bytes as sent.
    const zipped = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      get(`${server.base}/chat/webchat.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    expect(zipped.encoding).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(body.length / 2);
    expect(gunzipSync(zipped.body).equals(body)).toBe(true);
  });

  it('serves embed.js for other sites, with the launcher\'s words in every language', async () => {
    const res = await server.fetch('/chat/embed.js');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const js = await res.text();
    expect(js).not.toContain('/*LABELS*/');
    for (const l of locales) expect(js).toContain(JSON.stringify(catalogues[l]['webchat.open']));
    expect((await server.fetch('/chat/chat.js')).headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect((await server.fetch('/chat/chat.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('has its few words in all three locales', () => {
    const keys = (l: (typeof locales)[number]) => Object.keys(catalogues[l]).filter((k) => k.startsWith('webchat.')).sort();
    expect(keys('en')).toEqual(['webchat.close', 'webchat.open', 'webchat.title', 'webchat.unavailable']);
    for (const l of locales) expect(keys(l), l).toEqual(keys('en'));
  });
});
