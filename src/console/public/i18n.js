// The console's strings: one flat catalogue per locale from /console/locales/, chosen in the
// header and remembered in localStorage. Chinese (mainland) unless the staff member chose otherwise.
/* global document, fetch, localStorage */

export const consoleLocales = ['zh-CN', 'zh-TW', 'en'];
const storageKey = 'tripcare.console.locale';

let strings = {};
let current = 'zh-CN';

export const currentLocale = () => current;

export function savedLocale() {
  const saved = localStorage.getItem(storageKey);
  return consoleLocales.includes(saved) ? saved : 'zh-CN';
}

/** Loads a locale's strings, remembers the choice and relabels the static page. */
export async function useLocale(locale) {
  const res = await fetch(`/console/locales/${locale}.json`);
  if (!res.ok) throw new Error(`locale ${locale}: ${res.status}`);
  strings = await res.json();
  current = locale;
  localStorage.setItem(storageKey, locale);
  document.documentElement.lang = locale;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
}

/** Whether the current catalogue has `key`. */
export const has = (key) => Object.hasOwn(strings, key);

/** The string for `key` with `{name}` placeholders filled; the key itself if the catalogue lacks it. */
export function t(key, params = {}) {
  const text = strings[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** The label of a taxonomy or status id (`category`, `severity`…); the id itself for one the console does not know yet. */
export function label(group, id) {
  const key = `${group}.${id}`;
  return has(key) ? strings[key] : String(id);
}

/** Labels joined as the locale lists them (`、` in Chinese, `, ` in English). */
export const list = (items) => items.join(t('list.separator'));

/** A name the server gives in every console language (e.g. a team's), in the current one. */
export const localName = (names) => names[current] ?? names.en ?? '';
