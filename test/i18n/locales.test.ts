import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogues, phrase, render } from '../../src/i18n/render.ts';
import type { MessageKey } from '../../src/i18n/render.ts';
import { categories, locales, problems } from '../../src/taxonomy.ts';
import { scriptOnly } from '../../src/understanding/rules/script.ts';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const keys = Object.keys(catalogues.en) as MessageKey[];

  it.each(locales)('%s has every key, with the same placeholders as en', (locale) => {
    expect(Object.keys(catalogues[locale]).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(placeholders(catalogues[locale][key]), key).toEqual(placeholders(catalogues.en[key]));
  });

  it('labels every category and problem of the taxonomy', () => {
    for (const c of categories) expect(keys).toContain(`category.${c}`);
    for (const p of Object.values(problems).flat()) expect(keys).toContain(`problem.${p}`);
  });

  it('keeps simplified and traditional apart, as opencc reads them in context, the console too', () => {
    const console = (locale: string) => JSON.parse(readFileSync(new URL(`../../locales/console/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
    for (const [locale, other] of [['zh-CN', 'traditional'], ['zh-TW', 'simplified']] as const) {
      const strings = { ...catalogues[locale], ...console(locale) } as Record<string, string>;
      // The language picker names each language in its own script.
      const slips = Object.entries(strings).filter(([key]) => !key.startsWith('commitments.lang.') && !key.startsWith('language.'))
        .flatMap(([key, text]) => scriptOnly(text)[other].map((c) => `${key}: ${c}`));
      expect(slips, locale).toEqual([]);
    }
  });

  it('renders nested phrases, times in the agency zone and money in the locale', () => {
    const at = new Date('2026-11-21T02:05:00Z');
    expect(render('en', phrase('handoff.noted', { time: at }), 'Asia/Shanghai')).toContain('10:05');
    expect(render('zh-CN', phrase('propose.basis', { basis: phrase('clause.agency') }), 'Asia/Shanghai'))
      .toBe(`依据：${catalogues['zh-CN']['clause.agency']}`);
    expect(render('zh-CN', phrase('amount.fixed', { amount: { amount: 1500, currency: 'CNY' } }), 'Asia/Shanghai')).toBe('¥1,500.00');
  });

  it('is where every word the bot says comes from: flows hold no sentences', async () => {
    const dir = fileURLToPath(new URL('../../flows/', import.meta.url));
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.ts'));
    for (const file of files) {
      const source = await readFile(`${dir}${file}`, 'utf8');
      expect(source, file).not.toMatch(/['"`][^'"`\n]*\p{Script=Han}/u);
      expect(source, file).not.toMatch(/['"`][A-Z][a-z]+ [a-z]+ [a-z]+[^'"`\n]*['"`]/);
    }
  });
});
