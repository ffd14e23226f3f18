import { describe, expect, it } from 'vitest';
import { understand } from './helpers.ts';

describe('hostile input', () => {
  it.each([
    ['empty', ''],
    ['blank', ' \n\t '],
    ['emoji only', '😡🤬🤮'],
    ['control characters', '\u0000\u0001\u0007导游\u001b[31m太差\u007f'],
    ['lone surrogates', '\uD800导游\uDFFF'],
    ['bidi overrides', '\u202E导游太差\u202C'],
    ['digits', '1'.repeat(20_000)],
    ['20,000 Chinese characters', '导游态度很差，'.repeat(3_000).slice(0, 20_000)],
    ['20,000 letters', 'a'.repeat(20_000)],
    ['punctuation', '!?。，'.repeat(5_000)],
  ])('%s: understood without throwing', async (_name, text) => {
    const u = await understand(text);
    expect(u.entities.people === null || Number.isFinite(u.entities.people)).toBe(true);
    expect(typeof u.category).toBe('string');
  });

  it('has no language for empty text or emoji only', async () => {
    expect(await understand('')).toMatchObject({ language: null, unsupportedLanguage: false, category: 'other', intent: 'other' });
    expect(await understand('🤮')).toMatchObject({ language: null, unsupportedLanguage: false });
  });

  it('reads through invisible characters inside words', async () => {
    const u = await understand('导\u200B游态度\uFEFF恶劣');
    expect(u.category).toBe('guide');
  });

  it('reads full-width letters and digits', async () => {
    const u = await understand('ＧＺ－２６１１－Ａ团，多收了３０００元');
    expect(u.entities.tourCodes).toEqual(['GZ-2611-A']);
    expect(u.entities.amounts).toEqual([{ amount: 3000, currency: 'CNY' }]);
  });

  it('stays fast on a 20,000-character message', async () => {
    const text = '酒店房间很脏，导游骂人，我们全团要求退款，电话13812345678。'.repeat(700).slice(0, 20_000);
    const start = performance.now();
    await understand(text);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
