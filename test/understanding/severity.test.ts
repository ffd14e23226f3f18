import { describe, expect, it } from 'vitest';
import { understand } from './helpers.ts';

const severityOf = async (text: string) => (await understand(text)).severity;

describe('severity', () => {
  it.each([
    ['我妈摔倒了，腿骨折了，现在在医院', 'critical'],
    ['大巴出车祸了，有人受伤', 'critical'],
    ['团里有个老人走失了', 'critical'],
    ['导游把我们扔在高速服务区自己走了', 'critical'],
    ['旅遊巴撞車，等緊救護車🚑', 'critical'],
    ['Our bus crashed and several people are injured', 'critical'],
    ["We're stranded at the station, nobody is coming", 'critical'],
    ['我要打12301投诉你们', 'high'],
    ['我们全团都要求退一半团费', 'high'],
    ["I'm contacting my lawyer", 'high'],
    ['骗子公司！！！垃圾😡', 'high'],
    ['买的玉镯是假的，花了8000块', 'high'],
    ['导游态度很差，讲解敷衍', 'medium'],
    ['房间没有热水', 'medium'],
    ['The hotel was dirty', 'medium'],
    ['建议以后行程别安排那么紧', 'low'],
    ['希望以后早餐可以丰富一点', 'low'],
    ['房间空调有点吵，不过不是什么大问题', 'low'],
    ['Just a suggestion: more free time would be nice', 'low'],
    ['你好', 'low'],
  ])('%s → %s', async (text, severity) => {
    expect(await severityOf(text)).toBe(severity);
  });

  it.each([
    ['大巴追尾了，还好没人受伤', 'high'],
    ['旅遊巴追尾，好彩冇人受傷', 'high'],
    ['The coach was rear-ended, luckily no one was hurt', 'high'],
    ['没人受伤，就是大巴刮了一下，希望下次注意', 'low'],
    ['my daughter nearly drowned', 'high'],
  ])('a harm that did not happen is not critical: %s', async (text, severity) => {
    expect(await severityOf(text)).toBe(severity);
  });

  it('a polite suggestion with indignation or a demand is not low', async () => {
    expect(await severityOf('合同里根本没写要交小交通费，建议以后写清楚')).toBe('medium');
    expect(await severityOf('房间有点小，要求退差价')).toBe('medium');
  });
});
