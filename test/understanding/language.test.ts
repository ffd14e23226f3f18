import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/understanding/rules/language.ts';

describe('language', () => {
  it.each([
    ['导游态度很差，我们要投诉', 'zh-Hans'],
    ['这个酒店太脏了', 'zh-Hans'],
    ['導遊態度很差，我們要投訴', 'zh-Hant'],
    ['這間飯店的房間好髒', 'zh-Hant'],
    // Written Cantonese counts as traditional even where its characters are shared.
    ['佢係咪癡線㗎，唔理我哋', 'zh-Hant'],
    ['點解冇人覆我？好嬲呀', 'zh-Hant'],
    ['呃錢呀，乜嘢都要加錢', 'zh-Hant'],
    // Mixed Chinese and English is Chinese.
    ['flight delay了五个小时，guide也不管', 'zh-Hans'],
    ['pls转人工', 'zh-Hans'],
    ['The guide skipped the temple and we want a refund', 'en'],
    ['We visited 天池 but the guide rushed us through it', 'en'],
    ['ok', 'en'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toEqual({ language, unsupported: false });
  });

  it.each([
    'ホテルの部屋がとても汚かったです。',
    '가이드가 너무 불친절했어요',
    'Гид бросил нас в аэропорту',
    'ไกด์ทิ้งพวกเราไว้ที่สนามบิน',
    'المرشد تركنا في المطار',
    "L'hôtel était sale et le guide très impoli.",
    'El autobús llegó con tres horas de retraso.',
    'Das Essen war schrecklich und wir wollen eine Entschädigung.',
  ])('%s is unsupported', (text) => {
    expect(detectLanguage(text)).toEqual({ language: null, unsupported: true });
  });

  it.each(['', '   ', '😡😡😡', '12345678', '!!!???'])('%j has no language', (text) => {
    expect(detectLanguage(text)).toEqual({ language: null, unsupported: false });
  });
});
