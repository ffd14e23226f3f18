import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhCN from '../../locales/console/zh-CN.json' with { type: 'json' };
import { channels } from '../../src/conversation/messages.ts';
import { resolutionCodes, responsibleParties } from '../../src/desk/resolution.ts';
import { crisisChecklist } from '../../src/incidents/views.ts';
import { clauseIds } from '../../src/policy/clause-ids.ts';
import { offerKinds } from '../../src/policy/parts.ts';
import { deskLevels } from '../../src/ports/escalation-desk.ts';
import { incidentTypes } from '../../src/ports/incident-register.ts';
import { surveyQuestions } from '../../src/ports/survey-store.ts';
import { reportNames } from '../../src/reports/reports.ts';
import { addStaff } from '../../src/staff/add-staff.ts';
import { staffRoles } from '../../src/staff/roles.ts';
import { allProblems, categories, flags, locales, severities } from '../../src/taxonomy.ts';
import { scriptOnly } from '../../src/understanding/rules/script.ts';
import { chromiumPresent, launchChromium } from '../support/chromium.ts';
import { DeskServer } from '../support/console.ts';

/**
 * A staff member who reads Chinese sees only Chinese: signed in on the zh-CN console, every view
 * (the queue, a case, one waiting for approval, incidents, a departure, guides, each report,
 * corrective actions), a sign-in error and refused actions show no catalogue key, no raw enum
 * value or language code, and no English words, only what staff typed, case numbers, tour codes,
 * numbers and the product's name.
 */

const present = chromiumPresent('Chinese console browser test');
const strings = zhCN as Record<string, string>;
const password = 'Correct-horse-12';
const cheap = { N: 2 ** 10, r: 8, p: 1 };
const supervisor = { username: 'wangfang', displayName: '王芳', role: 'supervisor' } as const;
const agent = { username: 'lina', displayName: '李娜', role: 'agent' } as const;
const tour = 'GZ-2611-A';

/** The catalogue's sentence for `key`, filled as the console fills it. */
const said = (key: string, params: Record<string, string> = {}) => (strings[key] ?? `(no ${key})`).replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

// --- what may not show ---

/** `reports.name.categories`: a catalogue key shown instead of its string. */
const rawKey = /\b[a-z]+(\.[a-z_]+)+\b/;
/** `handed_off`: an enum value shown instead of its label. */
const snakeCase = /\b[a-z]+(?:_[a-z]+)+\b/;
const languageCode = /\b(?:zh-CN|zh-TW|zh-Hans|zh-Hant)\b/;
/** Every enum value the console shows, each of which must come labelled: `bot`, `staff`, `open`… */
const enumValues = new Set<string>([
  ...categories, ...allProblems, ...severities, ...flags, ...deskLevels, ...channels, ...staffRoles, ...offerKinds, ...resolutionCodes,
  ...responsibleParties, ...incidentTypes, ...crisisChecklist, ...surveyQuestions, ...clauseIds.filter((c) => /[a-z]/.test(c)), ...locales,
  'waiting', 'claimed', 'closed', 'handed_back', 'open', 'handed_off', 'pending_approval', 'resolved', 'traveller', 'bot', 'staff',
  'report', 'group', 'emergency', 'image', 'voice', 'video', 'file', 'location', 'sticker', 'fix', 'apology', 'done', 'all',
]);
/** ASCII words that are no English sentence: the product's name, brands and keys as they are written (`Shift+Enter`), `CSV`, and the language picker's `English`. */
const allowedWords = new Set(['TripCare', 'Telegram', 'WeChat', 'CSV', 'English', 'UTF', 'Enter', 'Shift']);

/**
 * Why `text` would not read as Chinese: a key, an enum value, a language code or English words.
 * An ASCII token passes when it holds a digit (a number, a case number, a tour code, a date),
 * is upper case (a binding code, `TC`), or is allowed; any other word is English.
 */
function untranslated(text: string): string | null {
  if (rawKey.test(text)) return 'a catalogue key';
  if (snakeCase.test(text) || enumValues.has(text.trim())) return 'a raw enum value';
  if (languageCode.test(text)) return 'a language code';
  const words = (text.match(/[A-Za-z0-9]+(?:[-_'’][A-Za-z0-9]+)*/g) ?? [])
    .filter((w) => /[a-z]/.test(w) && !/\d/.test(w) && w.length > 1 && !allowedWords.has(w));
  return words.length > 0 ? `English (${words.join(' ')})` : null;
}

/**
 * Every text the page shows now: visible text nodes (in SVG charts too), the options of visible
 * pickers, visible elements' labels and placeholders, and the tab's title. Run in the page.
 */
const readPage = `(() => {
  const shown = (el) => el !== null && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const texts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const parent = node.parentElement;
    if (text !== '' && shown(parent?.closest('select') ?? parent)) texts.push(text);
  }
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
    if (!shown(el)) continue;
    for (const name of ['aria-label', 'placeholder', 'title']) if (el.getAttribute(name)) texts.push(el.getAttribute(name));
  }
  return texts;
})()`;

describe.skipIf(!present)('the staff console in Chinese, in Chromium', () => {
  let desk: DeskServer;
  let browser: Browser;
  /** Each text that would not read as Chinese, with the view it showed on. */
  const found: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    desk = await DeskServer.start();
    for (const member of [supervisor, agent]) {
      await addStaff({ staff: desk.app.parts.staff, audit: desk.app.parts.audit, clock: desk.clock, actor: 'cli', scrypt: cheap }, { ...member, password, teams: [] });
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  /** What the page shows now, each text that would not read as Chinese (in traditional characters when `traditional`) noted under `view`. */
  async function check(page: Page, view: string, traditional = false): Promise<void> {
    const texts = (await page.evaluate(readPage)) as string[];
    expect(texts.length, view).toBeGreaterThan(5);
    for (const text of texts) {
      // The language picker names each language in its own script.
      const simplified = traditional && text !== '简体中文' ? scriptOnly(text).simplified : [];
      const why = untranslated(text) ?? (simplified.length > 0 ? `simplified (${simplified.join('')})` : null);
      if (why !== null) found.push(`${view}: ${JSON.stringify(text)} is ${why}`);
    }
  }

  async function openConsole(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${desk.base}/console`);
    await page.getByTestId('login-submit').waitFor();
    return page;
  }

  async function signIn(page: Page, username: string): Promise<void> {
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-queue').waitFor();
  }

  /** Waits until `selector`'s text is `text`, and expects it. */
  async function shows(page: Page, selector: string, text: string): Promise<void> {
    await expect.poll(() => page.locator(selector).textContent(), { timeout: 10_000 }).toBe(text);
  }

  /** Waits until the error at `selector` says something, then expects it to say one of `texts` (going on either way, to check the rest). */
  async function refused(page: Page, selector: string, ...texts: string[]): Promise<void> {
    await expect.poll(() => page.locator(selector).textContent(), { timeout: 10_000 }).not.toBe('');
    expect.soft(texts, selector).toContain(await page.locator(selector).textContent());
  }

  /** A traveller complains about the hotel on the tour in Chinese, up to the bot's proposal; resolves once the case is filed. */
  async function complains(conversationId: string): Promise<void> {
    for (const text of ['酒店房间太脏了，而且一直没有热水！', tour, '昨天', '2']) await desk.say(text, conversationId);
    for (const choice of ['wants:compensation', 'confirm']) await desk.press(choice, conversationId);
  }

  it('shows every view, a sign-in error and refused actions without a key, an enum value or an English word', async () => {
    // A traveller who asks for a person; one whose accepted offer waits for approval; three more on
    // the same tour, a group complaint; a guide's report with a photo and coordinates; survey scores.
    const handoff = await desk.handoff('c1', '我要找人工客服');
    await complains('c2');
    await desk.say('300', 'c2');
    await desk.press('offer:accept', 'c2');
    await desk.press('satisfied', 'c2');
    const approval = (await desk.app.parts.desk.list()).find((t) => t.reason === 'approval')!.caseId;
    for (const c of ['c3', 'c4', 'c5']) {
      await complains(c);
      await desk.press('skip', c);
    }
    await desk.app.parts.incidents.open('report-1', {
      kind: 'report', departure: { tourCode: tour, date: '2026-11-20' }, type: 'hotel', category: null, severity: 'medium',
      location: '31.2304,121.4737', description: '房间漏水，已安排换房。', attachments: [{ kind: 'image', ref: '7f3a9c2e' }], reportedBy: null,
    }, desk.clock.now());
    for (const [question, score] of [['bot', 5], ['staff', 4], ['remedy', 2]] as const) {
      await desk.app.parts.surveys.record({ surveyId: approval, conversationKey: 'webchat:c2', caseId: approval, question, score, comment: null, at: desk.clock.now() });
    }
    await desk.app.parts.surveys.addFeedback({ id: 'f1', conversationKey: 'webchat:c6', kind: 'praise', text: '导游很专业', at: desk.clock.now() });
    await desk.settle();
    expect((await desk.app.parts.incidents.list()).map((i) => i.kind).sort()).toEqual(['group', 'report']);

    // Signing in: a field left empty, then a wrong password.
    const page = await openConsole();
    await check(page, 'sign-in');
    await page.getByTestId('login-password').fill('x');
    await page.getByTestId('login-submit').click();
    await refused(page, '#login-error', said('apiError.validation_failed', { fields: said('field.username') }));
    await check(page, 'sign-in, a field left empty');
    const before = await page.locator('#login-error').textContent();
    await page.getByTestId('login-username').fill('nobody');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.locator('#login-error').textContent()).not.toBe(before);
    await refused(page, '#login-error', said('apiError.invalid_credentials'));
    await check(page, 'sign-in, a wrong password');

    await signIn(page, supervisor.username);
    await page.locator(`[data-testid="queue-item"][data-case-id="${approval}"]`).waitFor();
    await check(page, 'queue');

    // A case: claimed, a note written, the closing form open.
    await page.locator(`[data-testid="queue-item"][data-case-id="${handoff}"]`).click();
    await page.getByTestId('transcript').locator('li').first().waitFor();
    await page.getByTestId('claim').click();
    await shows(page, '[data-testid="owner"]', supervisor.displayName);
    await page.locator('#note-text').fill('已致电酒店，等待回复。');
    await page.locator('#note-form button[type="submit"]').click();
    await page.locator('#notes-list .note').waitFor();
    await page.getByTestId('close-open').click();
    await check(page, 'a case');

    await page.locator(`[data-testid="queue-item"][data-case-id="${approval}"]`).click();
    await page.locator('#packet-body .remedy').first().waitFor();
    await check(page, 'a case waiting for approval');

    // Incidents: the group complaint, the guide's report and their departure.
    await page.getByTestId('nav-incidents').click();
    await expect.poll(() => page.getByTestId('incident-item').count()).toBe(2);
    await check(page, 'incidents');
    for (const kind of ['group', 'report']) {
      const incident = (await desk.app.parts.incidents.list()).find((i) => i.kind === kind)!;
      await page.locator(`[data-testid="incident-item"][data-incident-id="${incident.id}"]`).click();
      await page.locator('#incident-title').filter({ hasText: incident.id }).waitFor();
      await check(page, `a ${kind} incident`);
    }
    await page.getByTestId('incident-departure').click();
    await expect.poll(() => page.getByTestId('departure-complaint').count()).toBe(4);
    await check(page, 'a departure');

    // Guides: one registered with a departure, and a binding code issued.
    await page.getByTestId('nav-guides').click();
    await check(page, 'guides');
    await page.getByTestId('guide-name').fill('刘洋');
    await page.getByTestId('guide-phone').fill('+86 138 0000 0000');
    await page.getByTestId('departure-code').fill(tour);
    await page.getByTestId('departure-date').fill('2026-11-20');
    await page.getByTestId('guide-add').click();
    await page.getByTestId('guide-issue').click();
    await page.getByTestId('guide-code').waitFor();
    await check(page, 'guides, a code issued');

    // Reports: the pickers as they first show, then each report.
    await page.getByTestId('nav-reports').click();
    await page.locator('#report-table tr').first().waitFor();
    await check(page, 'reports, as they open');
    for (const name of reportNames) {
      await page.getByTestId('report-name').selectOption(name);
      await page.getByTestId('report-show').click();
      await shows(page, '#report-heading', said(`reports.name.${name}`));
      await check(page, `the report ${name}`);
    }

    await page.getByTestId('nav-actions').click();
    await page.getByTestId('ca-title').fill('加强酒店卫生检查');
    await page.getByTestId('ca-due').fill('2026-12-31');
    await page.getByTestId('ca-submit').click();
    await page.locator('#actions .action-row').waitFor();
    await check(page, 'corrective actions');

    // An agent, refused: an amount beyond an agent's authority, and assigning (for supervisors and up).
    const agentPage = await openConsole();
    await signIn(agentPage, agent.username);
    await agentPage.locator(`[data-testid="queue-item"][data-case-id="${approval}"]`).click();
    await agentPage.getByTestId('claim').click();
    await shows(agentPage, '[data-testid="owner"]', agent.displayName);
    await agentPage.locator('form.approve input').first().fill('100000');
    await agentPage.locator('form.approve button').first().click();
    await refused(agentPage, '#action-error', ...['supervisor', 'executive'].map((role) => said('apiError.beyond_authority', { approver: said(`role.${role}`) })));
    await check(agentPage, 'an approval beyond an agent’s authority');
    // The picker and button are disabled for agents: enabled here, as on a page left open while a role changed.
    await agentPage.evaluate(`{
      document.getElementById('action-error').textContent = '';
      Object.assign(document.getElementById('assign-staff'), { disabled: false, selectedIndex: 1 });
      Object.assign(document.getElementById('assign'), { disabled: false }).click();
    }`);
    const managers = ['supervisor', 'executive', 'admin'].map((role) => said(`role.${role}`)).join(said('list.separator'));
    await refused(agentPage, '#action-error', said('apiError.forbidden_role', { roles: managers }));
    await check(agentPage, 'assigning as an agent');

    // The same reports in traditional characters (the views above hold travellers' simplified words).
    await page.locator('#locale').selectOption('zh-TW');
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-show').click();
    await page.locator('#report-heading').filter({ hasText: '意見' }).waitFor();
    await check(page, 'a report in traditional characters', true);

    expect(found).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
