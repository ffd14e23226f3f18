import { describe, expect, it } from 'vitest';
import { fold } from '../../src/understanding/rules/normalize.ts';
import { rewrite } from '../../src/understanding/rules/rewrites.ts';
import { assessDanger, dangerSigns } from '../../src/understanding/safety/danger.ts';

const signs = (text: string, chinese = /\p{sc=Han}/u.test(text)) => dangerSigns(rewrite(fold(text), chinese));
const thresholds = { certain: 0.6, ask: 0.2, worded: 0.05 };

describe('the safety net\'s words', () => {
  it.each([
    ['我爸走丢了两个小时了', 'missing_person'],
    ['阿婆暈咗', 'illness'],
    ['my son hasn\'t come back from the toilet', 'missing_person'],
    ['導遊把我們丟在服務區', 'stranded'],
    ['the driver keeps texting on the mountain road', 'unsafe_vehicle'],
    ['孩子发高烧39度', 'illness'],
    ['a man has been following me since the market', 'threat'],
    ['酒店着火了 好多烟', 'other_danger'],
  ])('%s names %s', (text, kind) => {
    expect(signs(text).named).toBe(kind);
  });

  it('does not name danger that the text says did not happen', () => {
    expect(signs('还好没有人受伤').named).toBeNull();
    expect(signs('nobody was hurt, thankfully').named).toBeNull();
  });

  it('tells danger told as over from danger going on', () => {
    expect(signs('上个月在丽江我妈走丢了三个小时，后来找到了')).toMatchObject({ named: 'missing_person', over: true, resolved: true, worded: false });
    expect(signs('刚才阿婆晕倒了 现在已经好转 在酒店休息')).toMatchObject({ named: 'illness', resolved: true, worded: false });
    expect(signs('我妈走丢了 现在还没找到')).toMatchObject({ over: false, ongoing: true, worded: true });
    expect(signs('looking back on our trip, the driver was speeding the whole way')).toMatchObject({ over: true, worded: false });
  });

  it('sees the vulnerable in hardship, which alone tires others', () => {
    expect(signs('我们在太阳底下等了两个小时 老人家快顶不住了').vulnerable).toBe(true);
    expect(signs('we waited two hours in the sun').vulnerable).toBe(false);
  });
});

describe('assessDanger', () => {
  const quiet = { named: null, over: false, resolved: false, ongoing: false, vulnerable: false, worded: false, alarming: false };
  const worded = { ...quiet, named: 'injury' as const, worded: true };

  it('is certain from the model alone, and names the model\'s kind', () => {
    expect(assessDanger({ signs: quiet, now: 0.7, modelKind: 'illness', thresholds })).toEqual({ level: 'certain', kind: 'illness' });
  });

  it('asks on a middling reading, or a weak one when the words name danger not over', () => {
    expect(assessDanger({ signs: quiet, now: 0.3, modelKind: 'stranded', thresholds }).level).toBe('ask');
    expect(assessDanger({ signs: worded, now: 0.06, modelKind: 'stranded', thresholds })).toEqual({ level: 'ask', kind: 'injury' });
    expect(assessDanger({ signs: quiet, now: 0.06, modelKind: 'stranded', thresholds }).level).toBe('none');
    expect(assessDanger({ signs: worded, now: 0.01, modelKind: 'stranded', thresholds }).level).toBe('none');
  });

  it('always asks on alarming words said of now, and never on them told as over', () => {
    expect(assessDanger({ signs: { ...worded, alarming: true }, now: 0, modelKind: 'injury', thresholds }).level).toBe('ask');
    expect(signs('救命 我爸晕倒了').alarming).toBe(true);
    expect(signs('上个月我爸在丽江晕倒过一次 回来后才好').alarming).toBe(false);
  });
});
