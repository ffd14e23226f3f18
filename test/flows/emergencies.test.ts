import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { emergencyNumbers } from '../../flows/safety/emergency-numbers.ts';
import { catalogues, phrase, render } from '../../src/i18n/render.ts';
import type { MessageKey } from '../../src/i18n/render.ts';
import { emergencies, localeOf } from '../../src/taxonomy.ts';
import { Harness, choiceIds, steps } from '../support/harness.ts';

/**
 * First messages written by a helper who saw neither the flows nor the model: for every kind of
 * emergency and language, four of danger happening now and two of danger told after it was over.
 */
const opener = z.strictObject({
  id: z.string(), kind: z.enum(emergencies), language: z.enum(['zh-Hans', 'zh-Hant', 'en']), now: z.boolean(),
  place: z.string().nullable(), text: z.string(),
});
type Opener = z.infer<typeof opener>;
const openers = readFileSync(new URL('../fixtures/emergency-openers.jsonl', import.meta.url), 'utf8')
  .trim().split('\n').map((l) => opener.parse(JSON.parse(l)));
const languages = ['zh-Hans', 'zh-Hant', 'en'] as const;

/** What the first reply to one opener was. */
interface FirstReply {
  opener: Opener;
  /** Guidance (a page and a person) or the safety question came first. */
  alarmed: boolean;
  guided: boolean;
  /** Guidance named the emergency numbers of the country the opener names. */
  numbersRight: boolean;
}

async function firstReply(o: Opener): Promise<FirstReply> {
  const h = new Harness();
  const replies = await h.say(o.text);
  const words = catalogues[localeOf[o.language]];
  const asked = replies[0]?.step === 'safety' && replies[0].text === words['safety.ask'];
  if (asked) expect(choiceIds(replies)).toEqual(['safety:yes', 'safety:no']);
  const guided = replies[0]?.step === 'safety' && !asked;
  if (guided) {
    expect(steps(replies)).toEqual(['safety', 'handoff']);
    expect((await h.incidents.list())[0]).toMatchObject({ kind: 'emergency', severity: 'critical' });
  }
  const numbers = o.place ? emergencyNumbers[o.place] : undefined;
  const line = numbers && render(localeOf[o.language], phrase('safety.numbers', { country: phrase(`country.${o.place}` as MessageKey), ...numbers }), 'Asia/Shanghai');
  return { opener: o, alarmed: asked || guided, guided, numbersRight: guided && line !== undefined && (replies[0]?.text.includes(line) ?? false) };
}

/** Figures measured when the safety net was built (issue 13's closing note); a change that does worse fails. */
const reported = { nowAlarmed: 82, overGuided: 2, placesNumbered: 37 };

describe('the first reply to an emergency, in every kind and language', () => {
  let results: FirstReply[] = [];
  beforeAll(async () => {
    results = [];
    for (const o of openers) results.push(await firstReply(o));
  }, 120_000);
  const list = (rs: FirstReply[]) => rs.map((r) => `${r.opener.id}: ${r.opener.text}`).join('\n');

  it('has four openers of danger now and two of danger over for every kind and language', () => {
    for (const kind of emergencies) {
      for (const language of languages) {
        const cell = openers.filter((o) => o.kind === kind && o.language === language);
        expect(cell.filter((o) => o.now).length, `${kind} ${language}`).toBe(4);
        expect(cell.filter((o) => !o.now).length, `${kind} ${language}`).toBe(2);
      }
    }
  });

  it.each(emergencies.flatMap((kind) => languages.map((language) => [kind, language] as const)))(
    '%s in %s: guidance or the safety question first for at least three of four',
    (kind, language) => {
      const now = results.filter((r) => r.opener.kind === kind && r.opener.language === language && r.opener.now);
      const missed = now.filter((r) => !r.alarmed);
      expect(missed.length, list(missed)).toBeLessThanOrEqual(1);
    },
  );

  it('answers danger now with guidance or the question, and danger over without guidance', () => {
    const now = results.filter((r) => r.opener.now);
    const over = results.filter((r) => !r.opener.now);
    expect(now.filter((r) => r.alarmed).length, list(now.filter((r) => !r.alarmed))).toBeGreaterThanOrEqual(reported.nowAlarmed);
    expect(over.filter((r) => r.guided).length, list(over.filter((r) => r.guided))).toBeLessThanOrEqual(reported.overGuided);
  });

  it('names the emergency numbers of the country the traveller is in', () => {
    const placed = results.filter((r) => r.guided && r.opener.place);
    expect(placed.filter((r) => r.numbersRight).length, list(placed.filter((r) => !r.numbersRight))).toBeGreaterThanOrEqual(reported.placesNumbered);
  });
});
