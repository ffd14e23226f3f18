import en from '../../locales/en.json' with { type: 'json' };
import zhCN from '../../locales/zh-CN.json' with { type: 'json' };
import zhTW from '../../locales/zh-TW.json' with { type: 'json' };
import type { Money } from '../money.ts';
import type { Locale } from '../taxonomy.ts';

export type MessageKey = keyof typeof en;

/** A sentence to say, by key; rendered in the conversation's locale only when sent. */
export interface Phrase {
  key: MessageKey;
  params?: Record<string, Param>;
  /** Said in this locale whatever the conversation's (e.g. "we only read Chinese and English", in both). */
  locale?: Locale;
}
/** A calendar day, yyyy-mm-dd, said as the reader writes dates ("18 May 2026", "2026年5月18日"). */
export interface CalendarDay {
  day: string;
}
export type Param = string | number | Date | Money | CalendarDay | Phrase;

export const catalogues: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

export const phrase = (key: MessageKey, params?: Record<string, Param>): Phrase => (params ? { key, params } : { key });

const isPhrase = (p: Param): p is Phrase => typeof p === 'object' && 'key' in p;
const isMoney = (p: Param): p is Money => typeof p === 'object' && 'currency' in p;
const isDay = (p: Param): p is CalendarDay => typeof p === 'object' && 'day' in p;

/** Renders a phrase: `{name}` placeholders take params, which may be phrases themselves. */
export function render(conversationLocale: Locale, p: Phrase, timeZone: string): string {
  const locale = p.locale ?? conversationLocale;
  const template = catalogues[locale][p.key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = p.params?.[name];
    return value === undefined ? whole : renderParam(locale, value, timeZone);
  });
}

function renderParam(locale: Locale, value: Param, timeZone: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberFormat(locale).format(value);
  if (value instanceof Date) return renderTime(locale, value, timeZone);
  if (isMoney(value)) return moneyFormat(locale, value.currency).format(value.amount);
  if (isDay(value)) return dayFormat(locale).format(new Date(`${value.day}T00:00:00Z`));
  if (isPhrase(value)) return render(locale, value, timeZone);
  return '';
}

/** "11月21日 20:29 (GMT+8)": a promised time, unmistakable for a traveller in another zone. */
function renderTime(locale: Locale, at: Date, timeZone: string): string {
  const { day, time, zone } = timeFormats(locale, timeZone);
  const zoneName = zone.formatToParts(at).find((p) => p.type === 'timeZoneName');
  return `${day.format(at)} ${time.format(at)} (${zoneName?.value ?? timeZone})`;
}

/*
 * Building an Intl formatter costs far more than using one (it loads and resolves locale data),
 * and a turn renders several: each is built once per locale and options and kept. The options
 * come from a few locales, the agency's time zone and the currencies of the policy, so the caches
 * stay small; `cacheLimit` bounds them all the same.
 */
const cacheLimit = 500;

function cached<T>(cache: Map<string, T>, key: string, build: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= cacheLimit) cache.clear();
    value = build();
    cache.set(key, value);
  }
  return value;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormatSets = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat; zone: Intl.DateTimeFormat }>();

const numberFormat = (locale: Locale) => cached(numberFormats, locale, () => new Intl.NumberFormat(locale));

const moneyFormat = (locale: Locale, currency: string) =>
  cached(numberFormats, `${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency }));

const dayFormat = (locale: Locale) => cached(dayFormats, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }));

const timeFormats = (locale: Locale, timeZone: string) => cached(timeFormatSets, `${locale}|${timeZone}`, () => ({
  day: new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone }),
  time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }),
  zone: new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }),
}));
