import { restatement } from '../../flows/complaint/describe.ts';
import { problemPhrase } from '../../flows/complaint/describe.ts';
import { emptyFacts } from '../../src/conversation/complaint-slice.ts';
import type { ComplaintFacts } from '../../src/conversation/state.ts';
import { phrase, render } from '../../src/i18n/render.ts';
import type { WordedStep, WordingRequest } from '../../src/ports/wording.ts';
import type { Locale } from '../../src/taxonomy.ts';
import { factLines } from '../../src/wording/fact-lines.ts';

export const locales: Locale[] = ['en', 'zh-CN', 'zh-TW'];
const timeZone = 'Asia/Shanghai';

/** A dirty room without hot water on tour GZ-2611-A, three people, who want compensation. */
export const facts: ComplaintFacts = {
  ...emptyFacts(),
  category: 'accommodation', problems: ['room_dirty', 'no_hot_water'], severity: 'medium',
  tour: { value: 'GZ-2611-A', from: 0, sure: true }, when: { value: '2026-11-20', from: 0, sure: true },
  people: { value: 3, from: 0, sure: true }, wants: { value: { kind: 'compensation' }, from: 0, sure: true },
};

/** What the engine asks the wording for, with the templates the bot would send. */
export function requestFor(step: WordedStep, locale: Locale, known: ComplaintFacts = facts): WordingRequest {
  const lines = step === 'restate'
    ? restatement(known, 'CNY')
    : [phrase(`apologise.${known.severity}`, { problem: problemPhrase(known) })];
  return { step, locale, facts: factLines(known, 'CNY', locale, timeZone), template: lines.map((l) => render(locale, l, timeZone)).join('\n') };
}
