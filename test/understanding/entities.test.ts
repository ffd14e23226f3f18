import { describe, expect, it } from 'vitest';
import { validMainlandId } from '../../src/understanding/rules/entities/ids.ts';
import { parseChinese } from '../../src/understanding/rules/entities/numbers.ts';
import { understand } from './helpers.ts';

const entities = async (text: string) => (await understand(text)).entities;

describe('tour codes and order numbers', () => {
  it('reads labelled and shaped codes', async () => {
    const e = await entities('团号 GZ-2611-A，订单号 20261120123456；另一个团 YN20261120');
    expect(e.tourCodes).toEqual(['GZ-2611-A', 'YN20261120']);
    expect(e.orderNumbers).toEqual(['20261120123456']);
  });

  it('reads a short code only after its label', async () => {
    expect((await entities('團號 XJ123')).tourCodes).toEqual(['XJ123']);
    expect((await entities('flight CA1234 was late')).tourCodes).toEqual([]);
  });

  it('reads English order numbers', async () => {
    expect((await entities('order #A1234567 please')).orderNumbers).toEqual(['A1234567']);
    expect((await entities('my booking ref: BK-778812')).orderNumbers).toEqual(['BK-778812']);
    expect((await entities('My order number is A1234567')).orderNumbers).toEqual(['A1234567']);
  });

  it('leaves unlabelled long numbers alone (they may be bank cards)', async () => {
    expect((await entities('6222021234567890123')).orderNumbers).toEqual([]);
  });
});

describe('ID numbers', () => {
  it('validates the mainland checksum, X included', () => {
    expect(validMainlandId('11010519491231002X')).toBe(true);
    expect(validMainlandId('110105194912310021')).toBe(false);
    expect(validMainlandId('110101199003074258')).toBe(true);
    expect(validMainlandId('110101199003074257')).toBe(false);
    expect(validMainlandId('110101199013074258')).toBe(false); // month 13
  });

  it('takes an ID number once, never as an order number or a phone', async () => {
    const e = await entities('订单号 11010519491231002x，身份证号码 110101199003074258，电话13812345678');
    expect(e.idNumbers).toEqual(['11010519491231002X', '110101199003074258']);
    expect(e.orderNumbers).toEqual([]);
    expect(e.phones).toEqual(['+8613812345678']);
  });

  it('rejects an 18-digit number with a wrong checksum', async () => {
    const e = await entities('订单号 110101199003074257');
    expect(e.idNumbers).toEqual([]);
    expect(e.orderNumbers).toEqual(['110101199003074257']);
  });

  it('reads passports and HK identity cards', async () => {
    const e = await entities('护照 E12345678，老婆的 EA1234567，儿子 G12345678，香港身份證 A123456(7)，仲有 Y5432109');
    expect(e.idNumbers).toEqual(['E12345678', 'EA1234567', 'G12345678', 'A123456(7)']);
    // Bare HK IDs need a valid check digit: A1234563 is one, A1234567 is not.
    expect((await entities('HKID A1234563')).idNumbers).toEqual(['A123456(3)']);
    expect((await entities('HKID A1234567')).idNumbers).toEqual([]);
  });
});

describe('phones', () => {
  it('normalises to E.164', async () => {
    const e = await entities('打 138 1234 5678 或 +86-139-1234-5678，香港 +852 9123 4567，英国 +44 20 7946 0958');
    expect(e.phones).toEqual(['+8613812345678', '+8613912345678', '+85291234567', '+442079460958']);
  });

  it('does not read a phone inside a longer number', async () => {
    expect((await entities('订单号 20261381234567890')).phones).toEqual([]);
  });
});

describe('dates', () => {
  it('reads absolute dates', async () => {
    expect((await entities('2026-11-20 出发，2026/11/21 回，2026年12月1日再说')).dates).toEqual([
      '2026-11-20',
      '2026-11-21',
      '2026-12-01',
    ]);
    expect((await entities('we left on 20 Nov and came back Nov 25th, 2026')).dates).toEqual(['2026-11-20', '2026-11-25']);
    expect((await entities('20/11/2026 or 11/21/2026 but not 05/06/2026')).dates).toEqual(['2026-11-20', '2026-11-21']);
  });

  it('gives a date without a year the year nearest to today', async () => {
    expect((await entities('11月20日出发，11月25号回')).dates).toEqual(['2026-11-20', '2026-11-25']);
    expect((await entities('十一月二十日')).dates).toEqual(['2026-11-20']);
    expect((await entities('2月30日')).dates).toEqual([]);
  });

  it('resolves relative words in the traveller’s time zone', async () => {
    // now is 2026-11-22 in Shanghai.
    expect((await entities('昨天')).dates).toEqual(['2026-11-21']);
    expect((await entities('尋日')).dates).toEqual(['2026-11-21']);
    expect((await entities('昨日')).dates).toEqual(['2026-11-21']);
    expect((await entities('前天同大前天')).dates).toEqual(['2026-11-20', '2026-11-19']);
    expect((await entities('today, yesterday and the day before yesterday')).dates).toEqual([
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
    ]);
    expect((await entities('三天前')).dates).toEqual(['2026-11-19']);
  });

  it('does not read 前天 out of 之前天气', async () => {
    expect((await entities('之前天气很好，以后天天下雨')).dates).toEqual([]);
  });

  it('follows the zone it is given', async () => {
    const { LearnedUnderstanding } = await import('../../src/understanding/learned/index.ts');
    const u = await new LearnedUnderstanding().understand('yesterday', { now: new Date('2026-11-21T18:00:00Z'), timeZone: 'America/New_York' });
    expect(u.entities.dates).toEqual(['2026-11-20']);
  });
});

describe('money', () => {
  it('reads currency symbols, codes and words', async () => {
    const e = await entities('¥3000，3000元，3,000 RMB，HK$500，500港币，NT$800，新台幣1500，$20，€50，£10，200 USD');
    expect(e.amounts).toEqual([
      { amount: 3000, currency: 'CNY' },
      { amount: 500, currency: 'HKD' },
      { amount: 800, currency: 'TWD' },
      { amount: 1500, currency: 'TWD' },
      { amount: 20, currency: 'USD' },
      { amount: 50, currency: 'EUR' },
      { amount: 10, currency: 'GBP' },
      { amount: 200, currency: 'USD' },
    ]);
  });

  it('reads Chinese numerals and scales', async () => {
    const e = await entities('三千块，两千五百元，一万二台币，八千蚊，1.5万人民币，3k rmb');
    expect(e.amounts).toEqual([
      { amount: 3000, currency: 'CNY' },
      { amount: 2500, currency: 'CNY' },
      { amount: 12000, currency: 'TWD' },
      { amount: 8000, currency: 'HKD' },
      { amount: 15000, currency: 'CNY' },
    ]);
  });

  it('ignores numbers without a currency and 块 that is not money', async () => {
    expect((await entities('每人多交了380，我们一块去的，吃了一块蛋糕，一蚊都唔退')).amounts).toEqual([]);
  });

  it('parses Chinese numerals', () => {
    expect(parseChinese('两千五')).toBe(2500);
    expect(parseChinese('一万二')).toBe(12000);
    expect(parseChinese('一百零五')).toBe(105);
    expect(parseChinese('十五')).toBe(15);
    expect(parseChinese('二零二六')).toBe(2026);
    expect(parseChinese('abc')).toBeNull();
  });
});

describe('people', () => {
  it.each([
    ['我们5个人', 5],
    ['我们五个人', 5],
    ['全团20人', 20],
    ['一家三口', 3],
    ['二十幾人', 20],
    ['两个大人一个小孩', 3],
    ['3 of us', 3],
    ['family of four', 4],
    ['There are 20 of us', 20],
    ['2 adults and 1 child', 3],
  ])('%s → %i', async (text, people) => {
    expect((await entities(text)).people).toBe(people);
  });

  it.each(['十个人一桌就六个菜', '几百人的微信群', '6 dishes for a table of 10', '一个人都没有'])('%s names no head count', async (text) => {
    expect((await entities(text)).people).toBeNull();
  });
});
