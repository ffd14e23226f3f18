import type { Locale } from '../../src/taxonomy.ts';

/**
 * The locale a Telegram `language_code` (an IETF tag, as the user's app is set)
 * suggests: Traditional-script regions to zh-TW, other Chinese to zh-CN, English to en.
 */
export function localeHint(languageCode: string | undefined): Locale | undefined {
  const tag = languageCode?.toLowerCase().replace(/_/g, '-');
  if (!tag) return undefined;
  if (/^zh-(hant|tw|hk|mo)\b/.test(tag)) return 'zh-TW';
  if (/^zh(-|$)/.test(tag)) return 'zh-CN';
  if (/^en(-|$)/.test(tag)) return 'en';
  return undefined;
}
