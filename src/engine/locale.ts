import type { Understood } from '../ports/understanding.ts';
import { scriptOnly } from '../understanding/rules/script.ts';
import { localeOf } from '../taxonomy.ts';
import type { Locale } from '../taxonomy.ts';

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[a-z]{2,}/gi;

/**
 * Enough to trust a change of language mid-conversation. Between the two scripts of Chinese, only
 * characters one of them alone writes count ("我要退款" is both); into English, a message with
 * Chinese in it is a mixed writer staying in their language; into Chinese, Chinese must carry it.
 */
function decisive(text: string, from: Locale, to: Locale): boolean {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN_WORD)?.length ?? 0;
  if (to === 'en') return latin >= 3 && han === 0;
  if (from === 'en') return han >= 4 && han >= latin;
  const only = scriptOnly(text);
  const [traditional, simplified] = [only.traditional.length, only.simplified.length];
  return to === 'zh-TW' ? traditional >= 2 && traditional > simplified : simplified >= 2 && simplified > traditional;
}

/** The locale to answer in: the first language the traveller writes, changed only by a decisive message. */
export function chooseLocale(current: Locale | null, u: Understood, text: string, fallback: Locale): Locale {
  if (u.language === null) return current ?? fallback;
  const detected = localeOf[u.language];
  if (current === null || current === detected || decisive(text, current, detected)) return detected;
  return current;
}
