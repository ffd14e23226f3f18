import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phrase, render } from '../../src/i18n/render.ts';
import type { Phrase } from '../../src/i18n/render.ts';
import { locales } from '../../src/taxonomy.ts';

/** Every kind of value a phrase formats: a number, money, a calendar day and a time. */
const everything = (n: number): Phrase[] => [
  phrase('amount.fixed', { amount: { amount: 1500 + n, currency: 'CNY' } }),
  phrase('amount.fixed', { amount: { amount: 99.5 + n, currency: 'EUR' } }),
  phrase('handoff.noted', { time: new Date(Date.UTC(2026, 10, 21, 2, n % 60)) }),
  { key: 'amount.fixed', params: { amount: 40 + n } },
  { key: 'amount.fixed', params: { amount: { day: `2026-05-${String(1 + (n % 28)).padStart(2, '0')}` } } },
];

describe('rendering reuses its Intl formatters', () => {
  const real = { NumberFormat: Intl.NumberFormat, DateTimeFormat: Intl.DateTimeFormat };
  let built = 0;

  beforeEach(() => {
    built = 0;
    Intl.NumberFormat = class extends real.NumberFormat {
      constructor(...args: ConstructorParameters<typeof Intl.NumberFormat>) {
        super(...args);
        built++;
      }
    } as typeof Intl.NumberFormat;
    Intl.DateTimeFormat = class extends real.DateTimeFormat {
      constructor(...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        super(...args);
        built++;
      }
    } as typeof Intl.DateTimeFormat;
  });

  afterEach(() => {
    Intl.NumberFormat = real.NumberFormat;
    Intl.DateTimeFormat = real.DateTimeFormat;
  });

  it('builds none again for a locale, currency and zone it has formatted in before', () => {
    const renderAll = (n: number) => locales.flatMap((locale) => everything(n).map((p) => render(locale, p, 'Asia/Shanghai')));
    renderAll(0);
    const afterFirst = built;
    for (let n = 1; n <= 50; n++) renderAll(n);
    expect(built).toBe(afterFirst);
  });

  it('says the same as formatters built afresh', () => {
    const at = new Date('2026-03-29T00:30:00Z');
    for (const locale of locales) {
      for (const timeZone of ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York']) {
        const fresh = (options: Intl.DateTimeFormatOptions) => new real.DateTimeFormat(locale, { ...options, timeZone }).format(at);
        const zone = new real.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
        const expected = `${fresh({ month: 'short', day: 'numeric' })} ${fresh({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })} (${zone})`;
        expect(render(locale, phrase('handoff.noted', { time: at }), timeZone)).toContain(expected);
      }
      const money = new real.NumberFormat(locale, { style: 'currency', currency: 'JPY' }).format(12345);
      expect(render(locale, phrase('amount.fixed', { amount: { amount: 12345, currency: 'JPY' } }), 'UTC')).toBe(money);
    }
  });
});
