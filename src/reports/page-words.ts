import { readFileSync } from 'node:fs';
import { locales } from '../taxonomy.ts';
import type { Locale } from '../taxonomy.ts';

/** The server-rendered pages use the console's catalogues: one set of words, labels and translations. */
const catalogues = Object.fromEntries(locales.map((l) => [
  l, JSON.parse(readFileSync(new URL(`../../locales/console/${l}.json`, import.meta.url), 'utf8')) as Record<string, string>,
])) as Record<Locale, Record<string, string>>;

export type Words = (key: string, params?: Record<string, string | number>) => string;

/** The words of `locale`, with `{name}` placeholders filled; the key itself for one the catalogue lacks. */
export function wordsOf(locale: Locale): Words {
  const strings = catalogues[locale];
  return (key, params = {}) => (strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A language tag as a page locale: Traditional Chinese for zh-TW/HK/MO and zh-Hant, Simplified for other Chinese. */
function localeOfTag(tag: string): Locale | undefined {
  const t = tag.trim().toLowerCase();
  if (t === 'en' || t.startsWith('en-')) return 'en';
  if (/^zh-(tw|hk|mo|hant)\b/.test(t)) return 'zh-TW';
  if (t === 'zh' || t.startsWith('zh-')) return 'zh-CN';
  return undefined;
}

/** `?lang=` if it names a locale, else the best of Accept-Language, else Simplified Chinese. */
export function pageLocale(lang: string | null, acceptLanguage: string | undefined): Locale {
  if (lang !== null && (locales as readonly string[]).includes(lang)) return lang as Locale;
  const ranked = (acceptLanguage ?? '').split(',').map((part, i) => {
    const [tag = '', ...params] = part.split(';');
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1');
    return { tag, q: Number.isFinite(q) ? q : 0, i };
  }).filter((r) => r.q > 0).sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return 'zh-CN';
}
