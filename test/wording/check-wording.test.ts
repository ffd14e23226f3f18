import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/taxonomy.ts';
import { checkWording } from '../../src/wording/check-wording.ts';
import { facts, locales, requestFor } from './requests.ts';

/** Rephrasings a careful model would write: each must pass. */
const good: Record<Locale, { restate: string; apologise: string }> = {
  en: {
    restate: 'So that I have it right: on tour GZ-2611-A on November 20, 2026 your room was not clean and there was no hot water, affecting 3 people, and you would like a refund or compensation. Is that right?',
    apologise: 'I am truly sorry that your room was not clean and there was no hot water. You deserved far better than that.',
  },
  'zh-CN': {
    restate: '我想确认一下：团号GZ-2611-A，2026年11月20日，房间不干净，并且没有热水，共3位受影响，您希望退款或赔偿。我理解得对吗？',
    apologise: '真的很抱歉房间不干净，并且没有热水。这不是您花钱应得的服务。',
  },
  'zh-TW': {
    restate: '我想確認一下：團號GZ-2611-A，2026年11月20日，房間不乾淨，而且沒有熱水，共3位受影響，您希望退款或賠償。我理解得對嗎？',
    apologise: '真的很抱歉房間不乾淨，而且沒有熱水。這不是您付費應得的服務。',
  },
};

describe('checkWording', () => {
  for (const locale of locales) {
    describe(locale, () => {
      it('passes a faithful restatement and apology', () => {
        expect(checkWording(good[locale].restate, requestFor('restate', locale))).toBeNull();
        expect(checkWording(good[locale].apologise, requestFor('apologise', locale))).toBeNull();
      });

      it('rejects an answer far longer than the template, or one of 5,000 characters', () => {
        const apology = requestFor('apologise', locale);
        expect(checkWording(apology.template.repeat(3), apology)).toBe('length');
        expect(checkWording('x'.repeat(5000), requestFor('restate', locale))).toBe('length');
      });

      it('rejects an answer that drops nearly everything', () => {
        expect(checkWording(locale === 'en' ? 'Sorry.' : '抱歉。', requestFor('apologise', locale))).toBe('length');
      });

      it('rejects a placeholder left unrestored', () => {
        expect(checkWording(`${good[locale].apologise} [PHONE_1]`, requestFor('apologise', locale))).toBe('placeholder');
        expect(checkWording(`${good[locale].apologise} {problem}`, requestFor('apologise', locale))).toBe('placeholder');
      });

      it('rejects a link', () => {
        expect(checkWording(`${good[locale].apologise} https://evil.example/claim`, requestFor('apologise', locale))).toBe('url');
        expect(checkWording(`${good[locale].apologise} www.claim-now.cn`, requestFor('apologise', locale))).toBe('url');
      });

      it('rejects a figure that is not in the facts', () => {
        const apology = requestFor('apologise', locale);
        const invented = { en: ' We will sort it out within 24 hours.', 'zh-CN': '我们会在24小时内处理。', 'zh-TW': '我們會在24小時內處理。' }[locale];
        expect(checkWording(good[locale].apologise + invented, apology)).toBe('number');
      });

      it('rejects a promise the template does not make', () => {
        const promise = { en: ' We guarantee a full refund.', 'zh-CN': '我们保证给您补偿。', 'zh-TW': '我們保證給您補償。' }[locale];
        expect(checkWording(good[locale].apologise + promise, requestFor('apologise', locale))).toBe('promise');
      });

      it('allows the promise words the template itself has (the traveller asked for compensation)', () => {
        expect(checkWording(good[locale].restate, requestFor('restate', locale))).toBeNull();
        const noWants = requestFor('restate', locale, { ...facts, wants: { value: { kind: 'fix' }, from: 0, sure: true } });
        expect(checkWording(good[locale].restate, noWants)).not.toBeNull();
      });

      it('rejects a restatement that no longer asks whether it is right', () => {
        const restate = requestFor('restate', locale);
        expect(checkWording(good[locale].restate.replace(/[^.。]*[?？]$/, ''), restate)).toBe('question');
      });

      it('rejects kana and hangul', () => {
        expect(checkWording(`${good[locale].apologise} 申し訳ありません`, requestFor('apologise', locale))).toBe('script');
        expect(checkWording(`${good[locale].apologise} 죄송합니다`, requestFor('apologise', locale))).toBe('script');
      });
    });
  }

  it('rejects injected amounts: 我们将赔偿您10000元', () => {
    const apology = requestFor('apologise', 'zh-CN');
    expect(checkWording(`${good['zh-CN'].apologise}我们将赔偿您10000元。`, apology)).toBe('money');
    expect(checkWording(`${good['zh-CN'].apologise}我们将赔偿您一万元。`, apology)).toBe('money');
    expect(checkWording(`${good['zh-CN'].apologise}我们将赔偿您。`, apology)).toBe('promise');
    expect(checkWording(`${good.en.apologise} You will get $500 back.`, requestFor('apologise', 'en'))).toBe('money');
    expect(checkWording(`${good.en.apologise} We will pay you 500 yuan.`, requestFor('apologise', 'en'))).toBe('money');
  });

  it('rejects numbers in words that are not in the facts', () => {
    expect(checkWording(`${good.en.apologise} We have two thousand happy travellers.`, requestFor('apologise', 'en'))).toBe('number');
    expect(checkWording('我想确认一下：房间不干净，并且没有热水，共三位受影响，团号GZ-2611-A。对吗？', requestFor('restate', 'zh-CN'))).toBe('number');
  });

  it('rejects simplified Chinese for a zh-TW traveller and traditional for zh-CN', () => {
    expect(checkWording(good['zh-CN'].apologise, requestFor('apologise', 'zh-TW'))).toBe('script');
    expect(checkWording(good['zh-TW'].apologise, requestFor('apologise', 'zh-CN'))).toBe('script');
  });

  it('rejects English for a Chinese locale and Chinese for English', () => {
    expect(checkWording('So sorry about your room and the hot water.', requestFor('apologise', 'zh-CN'))).toBe('script');
    expect(checkWording('I am truly sorry that your room was not clean. 非常抱歉房间不干净，并且没有热水，这不是您花钱应得的服务。', requestFor('apologise', 'en'))).toBe('script');
  });

  it('lets the traveller\'s own Chinese words through in an English reply', () => {
    const request = requestFor('restate', 'en', { ...facts, tour: { value: '广州五日游', from: 0, sure: true } });
    const reply = 'To be sure I have it right: on 广州五日游 on November 20, 2026 your room was not clean and there was no hot water, affecting 3 people, and you would like a refund or compensation. Is that right?';
    expect(checkWording(reply, request)).toBeNull();
  });
});
