import { describe, expect, it } from 'vitest';
import { redact, redactAll, restore } from '../../src/privacy/redact.ts';

// What a partner would otherwise read: personal data with no 我叫 or "my name is" before it.
const masked: [string, string, string][] = [
  ['zh-CN name before 先生', '张伟先生也被骂了', '[NAME_1]先生也被骂了'],
  ['zh-CN full name before 导游', '王建国导游一路都在推销', '[NAME_1]导游一路都在推销'],
  ['zh-CN surname before 师傅', '李师傅开车很猛', '[NAME_1]师傅开车很猛'],
  ['zh-CN compound surname', '欧阳娜娜小姐的行李丢了', '[NAME_1]小姐的行李丢了'],
  ['zh-CN two names after their roles', '司机王师傅和领队陈静女士都不管', '司机[NAME_1]师傅和领队[NAME_2]女士都不管'],
  ['zh-CN name after 向, then alone', '我们向张伟先生投诉，张伟不理', '我们向[NAME_1]先生投诉，[NAME_1]不理'],
  ['zh-CN name beside the place it shares a surname with', '黄伟导游带我们去黄山', '[NAME_1]导游带我们去黄山'],
  ['zh-CN 经理 and 阿姨', '酒店的曾经理说房间没了，保洁的刘阿姨也看到了', '酒店的[NAME_1]经理说房间没了，保洁的[NAME_2]阿姨也看到了'],
  ['zh-TW name after 導遊', '導遊陳大文先生態度很差', '導遊[NAME_1]先生態度很差'],
  ['zh-TW surname before 導遊', '林導遊一直催我們購物', '[NAME_1]導遊一直催我們購物'],
  ['zh-TW 司機 and 師傅', '司機黃志明師傅開車講電話', '司機[NAME_1]師傅開車講電話'],
  ['zh-TW 領隊 and 老師', '蕭美玲領隊和團員王老師都受傷了', '[NAME_1]領隊和團員[NAME_2]老師都受傷了'],
  ['en Mr', 'Mr Zhang shouted at us', 'Mr [NAME_1] shouted at us'],
  ['en our guide', 'our guide Kevin Li left us at the mall', 'our guide [NAME_1] left us at the mall'],
  ['en driver, Mr.', 'The driver, Mr. Wong, was on his phone', 'The driver, Mr. [NAME_1], was on his phone'],
  ['en tour leader and Mrs', 'Tour leader Amy Chen ignored Mrs Lee', 'Tour leader [NAME_1] ignored Mrs [NAME_2]'],
  ['en Ms and Dr', 'Ms Lau fainted and Dr Tan came an hour later', 'Ms [NAME_1] fainted and Dr [NAME_2] came an hour later'],
  ['港澳通行证, card', '港澳通行证C12345678过期了', '港澳通行证[PASSPORT_1]过期了'],
  ['港澳通行证, old booklet', '我的通行證號碼是W12345678', '我的通行證號碼是[PASSPORT_1]'],
  ['港澳通行证 standing alone', '证件C12345678被导游收走了', '证件[PASSPORT_1]被导游收走了'],
  ['回鄉證', '回鄉證 H12345678 唔見咗', '回鄉證 [PASSPORT_1] 唔見咗'],
  ['台胞證, 8 digits', '台胞證號碼：12345678，在機場被扣', '台胞證號碼：[PASSPORT_1]，在機場被扣'],
  ['台胞证, 10 digits and a letter', '台胞证 1234567890(B)', '台胞证 [PASSPORT_1]'],
  ['passport, two letters and 7 digits', 'Her Japanese passport, TK1234567, was kept by the hotel', 'Her Japanese passport, [PASSPORT_1], was kept by the hotel'],
  ['passport standing alone', 'the guide kept PA1234567 and M12345678 overnight', 'the guide kept [PASSPORT_1] and [PASSPORT_2] overnight'],
  ['permit, a letter and 7 digits after a cue', 'Home Return Permit No. H1234567 was stolen', 'Home Return Permit No. [PASSPORT_1] was stolen'],
  ['zh-TW document standing alone', '我的證件 K12345678 被飯店扣留', '我的證件 [PASSPORT_1] 被飯店扣留'],
];

describe('redact masks, with no cue', () => {
  it.each(masked)('%s', (_label, text, expected) => {
    const { text: redacted, found } = redact(text);
    expect(redacted).toBe(expected);
    expect(restore(redacted, found)).toBe(text);
  });
});

// Each stands beside a name that must go, so one sample shows both: the words stay, the name does not.
const kept: [string, string][] = [
  ['places before a role', '黄山导游、王府井的导游、张家界导游、苏州导游、武夷山导游、丽江导游'],
  ['countries before a role', '韩国导游、意大利导游、澳大利亚司机、马来西亚领队'],
  ['words before a role', '中文导游、对方司机、导游先生、谢谢导游、我们向导游投诉、向司机反映、担任导游、全程导游、金牌导游、高铁司机、景区经理'],
  ['zh-TW words before a role', '行程導遊、計程車司機、回程時領隊、歷史老師、一張有領隊電話的卡、退稅的錢領隊說沒有'],
  ['travel words', '坐高铁去王府井，行李放在大巴上，一日游导游带路'],
  ['tour codes', '团号GZ-2611-A，另一个团YN20261120，还有SH2026-1103'],
  ['case number', 'case TC-7K3M9Q'],
  ['dates', '2026-11-03出发，行程20261103，11月3日回'],
  ['amounts', '退我¥3000，HK$800，NT$12000，USD 1,200'],
  ['order and flight numbers', 'order #A1234567, flight CA1234, 订单号 ORD13812345678'],
  ['English labels and words', 'Guide, Hanoi: the coach was late. I will miss the bus. Drive to Guilin'],
];

describe('redact leaves travel words alone', () => {
  it.each(kept)('%s', (_label, text) => {
    expect(redact(`${text}。王建国导游`).text).toBe(`${text}。[NAME_1]导游`);
  });
});

describe('redactAll', () => {
  it('masks a value found in one text in all of them, under one placeholder', () => {
    const { texts, found } = redactAll(['我叫王伟，导游骂人', '王伟的护照E12345678也被扣了', 'GZ-2611-A']);
    expect(texts).toEqual(['我叫[NAME_1]，导游骂人', '[NAME_1]的护照[PASSPORT_1]也被扣了', 'GZ-2611-A']);
    expect(found.map((r) => r.value)).toEqual(['王伟', 'E12345678']);
  });
});
