import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues, phrase, render } from '../../src/i18n/render.ts';
import consoleEn from '../../locales/console/en.json' with { type: 'json' };
import type { CaseRecord } from '../../src/ports/case-register.ts';
import { chromiumPresent, launchChromium } from '../support/chromium.ts';
import { ConsoleServer } from '../support/console-app.ts';

const present = chromiumPresent('console browser test');
const agent = { username: 'mei', displayName: 'Mei Lin', role: 'agent', password: 'Correct-horse-12' };
const screenshot = '/tmp/tripcare-console-story.png';
/** What Chromium logs when the page asks for a session before anyone has signed in: expected. */
const unauthorised = /status of 401 .* at \S+\/api\/session$/;

describe.skipIf(!present)('the staff console in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await ConsoleServer.start();
    await server.addStaff(agent);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A page in a browser context of its own, with its console errors and uncaught exceptions collected. */
  async function openPage(viewport: { width: number; height: number }): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport });
    page.setDefaultTimeout(10_000); // a wait that fails names its step, well before the test's own time-out
    const problems: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && problems.push(`${m.text()} at ${m.location().url}`)));
    page.on('pageerror', (e) => problems.push(e.message));
    return { page, problems };
  }

  /** Signs the agent in on /console, in English; resolves once the (empty) queue shows and the live feed is open. */
  async function signIn(): Promise<{ desk: Page; problems: string[] }> {
    const { page: desk, problems } = await openPage({ width: 1280, height: 900 });
    await desk.goto(`${server.base}/console`);
    await desk.locator('#locale').selectOption('en');
    await desk.getByTestId('login-username').fill(agent.username);
    await desk.getByTestId('login-password').fill(agent.password);
    const feed = desk.waitForResponse((r) => r.url().endsWith('/api/events'));
    await desk.getByTestId('login-submit').click();
    await desk.getByText(consoleEn['queue.empty']).waitFor();
    expect((await feed).status()).toBe(200);
    return { desk, problems };
  }

  /** Waits for a message on the traveller's page that contains `text` (staff replies come prefixed with their name). */
  const shows = (chat: Page, text: string) => chat.locator('.webchat__text-content--is-plain').filter({ hasText: text }).waitFor();

  /** Opens /chat in English; resolves once Web Chat has its Direct Line stream. */
  async function openChat(): Promise<{ chat: Page; problems: string[] }> {
    const { page: chat, problems } = await openPage({ width: 480, height: 760 });
    const socket = chat.waitForEvent('websocket');
    await chat.goto(`${server.base}/chat?lang=en`);
    await socket;
    await chat.getByRole('textbox').waitFor();
    return { chat, problems };
  }

  it('takes a traveller who asks for a person from the web chat to an agent and back to the bot', async () => {
    const started = performance.now();
    const filed: CaseRecord[] = [];
    server.chat.app.engine.on('case', (c) => filed.push(c));
    const { desk, problems: deskProblems } = await signIn();
    // Marks this page load: were the queue to appear only after a reload, the mark would be gone.
    await desk.evaluate(() => Object.assign(globalThis, { loadedOnce: true }));

    const { chat, problems: chatProblems } = await openChat();
    const words = 'I want to talk to a person. The hotel room was dirty <b>bold</b>';
    await chat.getByRole('textbox').fill(words);
    await chat.getByRole('textbox').press('Enter');
    await expect.poll(() => filed.length, { timeout: 10_000 }).toBe(1);
    const caseId = filed[0]!.id;

    // The queue updates through the live feed alone.
    const row = desk.locator(`[data-testid="queue-item"][data-case-id="${caseId}"]`);
    await row.waitFor();
    await expect.poll(() => desk.getByTestId('new-cue').isVisible()).toBe(true);
    expect(await desk.evaluate(() => (globalThis as { loadedOnce?: boolean }).loadedOnce)).toBe(true);

    await row.click();
    const transcript = desk.getByTestId('transcript');
    await transcript.getByText(words, { exact: true }).waitFor();
    expect(await transcript.locator('b').count()).toBe(0);
    expect(await desk.getByTestId('packet').locator('b').count()).toBe(0);
    await desk.getByTestId('claim').click();
    await expect.poll(() => desk.getByTestId('owner').textContent()).toBe(agent.displayName);

    const reply = 'Hello, this is Mei. I am sorry about the room: I am calling the hotel now.';
    await desk.getByTestId('reply-text').fill(reply);
    await desk.getByTestId('reply-send').click();
    await shows(chat, reply);
    const team = (await server.chat.app.parts.desk.get(caseId))!.team;
    const joined = render('en', phrase(`staff.joined.${server.teams.introducedAs(team)}`, { name: agent.displayName }), 'UTC');
    await shows(chat, joined);
    await transcript.getByText(`${agent.displayName}: ${reply}`, { exact: true }).waitFor();

    await desk.getByTestId('close-open').click();
    await desk.getByTestId('close-resolution').selectOption('explained');
    await desk.getByTestId('close-party-0').selectOption('supplier');
    await desk.getByTestId('close-share-0').fill('100');
    await desk.getByTestId('close-submit').click();

    // The bot takes the conversation back and asks whether the traveller is satisfied, with buttons to answer.
    await shows(chat, catalogues.en['confirm.ask']);
    const offered = (await server.chat.app.parts.store.read(filed[0]!.conversationKey))?.offered ?? [];
    expect(offered.length).toBeGreaterThan(0);
    for (const choice of offered) await chat.locator('.webchat__suggested-actions__button').filter({ hasText: choice.label }).waitFor();
    expect((await server.chat.app.parts.register.get(caseId))?.outcome?.resolution).toMatchObject({ code: 'explained', responsible: [expect.objectContaining({ party: 'supplier', share: 100 })] });

    await expect.poll(() => row.count()).toBe(0);
    await transcript.scrollIntoViewIfNeeded();
    await desk.screenshot({ path: screenshot });
    process.stderr.write(`  console browser story: ${Math.round(performance.now() - started)} ms; screenshot ${screenshot}\n`);
    expect(deskProblems.filter((p) => !unauthorised.test(p))).toEqual([]);
    expect(chatProblems).toEqual([]);
  }, 30_000);
});
