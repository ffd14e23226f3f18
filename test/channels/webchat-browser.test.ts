import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues } from '../../src/i18n/render.ts';
import type { CaseRecord } from '../../src/ports/case-register.ts';
import { chromiumPresent, launchChromium } from '../support/chromium.ts';
import { WebchatServer } from '../support/webchat.ts';

const present = chromiumPresent('web chat browser test');

type ScriptLine = { text: string } | { choice: string };
const script = (await readFile(new URL('../fixtures/scripts/happy-en.jsonl', import.meta.url), 'utf8'))
  .split('\n').filter(Boolean).map((line) => JSON.parse(line) as ScriptLine);

describe.skipIf(!present)('web chat in Chromium', () => {
  let server: WebchatServer;
  let browser: Browser;
  let shots: string;
  beforeAll(async () => {
    server = await WebchatServer.start();
    shots = await mkdtemp(join(tmpdir(), 'tripcare-webchat-'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (process.env.KEEP_SCREENSHOTS !== '1') await rm(shots, { recursive: true, force: true });
  });

  /** Opens /chat like a traveller; resolves once Web Chat is connected, with the conversation the page started. */
  async function openChat(lang: string): Promise<{ page: Page; conversationId: string; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 480, height: 760 } });
    const problems: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
    page.on('pageerror', (e) => problems.push(e.message));
    const token = page.waitForResponse((r) => r.url().endsWith('/api/webchat/token'));
    const socket = page.waitForEvent('websocket');
    await page.goto(`${server.base}/chat?lang=${lang}`);
    const { conversationId } = (await (await token).json()) as { conversationId: string };
    expect((await socket).url()).toContain(`/v3/directline/conversations/${conversationId}/stream`);
    await page.getByRole('textbox').waitFor();
    return { page, conversationId, problems };
  }

  /** Waits for the bot to answer the latest message and for its last line to show on the page. */
  async function botAnswer(page: Page, conversationId: string, botCountBefore: number): Promise<void> {
    await expect.poll(async () => (await botTexts(conversationId)).length, { timeout: 10_000 }).toBeGreaterThan(botCountBefore);
    const last = (await botTexts(conversationId)).at(-1)!;
    await page.getByText(last.split('\n')[0]!.slice(0, 60)).last().waitFor({ timeout: 10_000 });
  }

  async function botTexts(conversationId: string): Promise<string[]> {
    const transcript = await server.app.parts.register.transcript(`webchat:${conversationId}`);
    return transcript.filter((t) => t.from === 'bot').map((t) => t.text);
  }

  it('takes a complaint from typing and buttons to the case number', async () => {
    const started = performance.now();
    const filed: CaseRecord[] = [];
    server.app.engine.on('case', (c) => filed.push(c));
    const { page, conversationId, problems } = await openChat('en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    for (const line of script) {
      const before = (await botTexts(conversationId)).length;
      if ('text' in line) {
        await page.getByRole('textbox').fill(line.text);
        await page.getByRole('textbox').press('Enter');
      } else {
        const state = await server.app.parts.store.read(`webchat:${conversationId}`);
        const label = state?.offered.find((c) => c.id === line.choice)?.label;
        expect(label, `choice ${line.choice} on offer`).toBeDefined();
        await page.locator('.webchat__suggested-actions__button').filter({ hasText: label! }).click();
      }
      await botAnswer(page, conversationId, before);
    }

    expect(filed).toHaveLength(1);
    const caseId = filed[0]!.id;
    await expect.poll(() => page.getByText(caseId, { exact: false }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'happy-en.png') });
    process.stderr.write(`  web chat browser flow: ${Math.round(performance.now() - started)} ms; screenshot ${join(shots, 'happy-en.png')} (kept with KEEP_SCREENSHOTS=1)\n`);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('takes a photo as evidence: uploaded, kept, its name shown', async () => {
    const { page, conversationId, problems } = await openChat('en');
    const before = (await botTexts(conversationId)).length;
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    await page.locator('input[type="file"]').setInputFiles({ name: 'room.png', mimeType: 'image/png', buffer: png });
    await botAnswer(page, conversationId, before);
    expect((await botTexts(conversationId)).join('\n')).toContain(catalogues.en['notice.kept']);
    const attachments = async () => (await server.app.parts.store.read(`webchat:${conversationId}`))?.complaint.facts.attachments;
    await expect.poll(attachments).toEqual([{ kind: 'image', ref: expect.stringContaining(`/conversations/${conversationId}/files/`), mimeType: 'image/png' }]);
    // Web Chat shows the traveller's own upload by its name; we keep the bytes behind the reference.
    await page.locator('.webchat__fileContent__fileName', { hasText: 'room.png' }).waitFor({ timeout: 5_000 });
    const ref = (await attachments())![0]!.ref;
    expect(await page.evaluate(async (url) => (await (await fetch(url)).arrayBuffer()).byteLength, ref)).toBe(png.length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows what a traveller types as text, never as HTML or Markdown', async () => {
    const { page, conversationId, problems } = await openChat('zh-CN');
    const attack = '<img src=x onerror="window.__xss=1"> **bold** [link](javascript:alert(1))';
    const before = (await botTexts(conversationId)).length;
    await page.getByRole('textbox').fill(attack);
    await page.getByRole('textbox').press('Enter');
    await botAnswer(page, conversationId, before);
    await page.locator('.webchat__text-content--is-plain').filter({ hasText: attack }).waitFor();
    expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('[role="log"] img[src="x"], [role="log"] strong, [role="log"] a[href^="javascript"]').count()).toBe(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens from one script tag on an agency\'s site, in the language it names', async () => {
    // The agency's page on another origin (localhost, not 127.0.0.1), allowed to frame the chat.
    const chat = await WebchatServer.start({ webchat: { frameAncestors: "'self' http://localhost:*" } });
    const agency = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' })
      .end(`<!doctype html><title>Agency</title><p>Tours</p><script src="${chat.base}/chat/embed.js" data-lang="zh-TW"></script>`));
    await new Promise<void>((resolve) => agency.listen(0, '127.0.0.1', resolve));
    try {
      const page = await browser.newPage();
      await page.goto(`http://localhost:${(agency.address() as AddressInfo).port}/`);
      await page.getByRole('button', { name: catalogues['zh-TW']['webchat.open'] }).click();
      const frame = page.frameLocator(`iframe[title="${catalogues['zh-TW']['webchat.title']}"]`);
      await frame.getByRole('textbox').waitFor();
      expect(await frame.locator('html').getAttribute('lang')).toBe('zh-TW');
      await page.getByRole('button', { name: catalogues['zh-TW']['webchat.close'] }).click();
      await expect.poll(() => page.locator('iframe').isHidden()).toBe(true);
      await page.close();
    } finally {
      await new Promise((resolve) => agency.close(resolve));
      await chat.close();
    }
  });
});
