import type { Understood } from '../ports/understanding.ts';
import { localeOf } from '../taxonomy.ts';
import type { Locale } from '../taxonomy.ts';

/** Enough text to trust a change of language mid-conversation ("ok" from a Chinese traveller is not). */
function decisive(text: string, locale: Locale): boolean {
  if (locale === 'en') return (text.match(/[a-z]{2,}/gi) ?? []).length >= 3;
  return (text.match(/\p{Script=Han}/gu) ?? []).length >= 4;
}

/** The locale to answer in: the first language the traveller writes, changed only by a decisive message. */
export function chooseLocale(current: Locale | null, u: Understood, text: string, fallback: Locale): Locale {
  if (u.language === null) return current ?? fallback;
  const detected = localeOf[u.language];
  if (current === null || current === detected || decisive(text, detected)) return detected;
  return current;
}
