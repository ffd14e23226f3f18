import { restatement } from '../../flows/complaint/describe.ts';
import type { ComplaintFacts } from '../conversation/state.ts';
import { phrase, render } from '../i18n/render.ts';
import type { Locale } from '../taxonomy.ts';

/** The collected facts as plain lines in the locale: what a rephrasing may draw on, and nothing more. */
export function factLines(facts: ComplaintFacts, currency: string, locale: Locale, timeZone: string): string[] {
  // The restatement's own lines without its opening and its question, so the facts read as the bot would say them.
  const said = restatement(facts, currency).slice(1, -1);
  return [
    ...(facts.category ? [phrase(`category.${facts.category}`)] : []),
    ...said,
    phrase('incident.summary.severity', { severity: phrase(`incident.severity.${facts.severity}`) }),
  ].map((line) => render(locale, line, timeZone));
}
