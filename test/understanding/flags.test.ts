import { describe, expect, it } from 'vitest';
import { understand } from './helpers.ts';

const flagsOf = async (text: string) => (await understand(text)).flags;

describe('flags', () => {
  it.each([
    ['转人工', 'wants_human'],
    ['rg rg', 'wants_human'],
    ['叫你们经理出来', 'wants_human'],
    ['我要搵真人', 'wants_human'],
    ['Let me speak to a manager', 'wants_human'],
    ['I want to talk to a real person', 'wants_human'],
    ['必须赔偿', 'wants_compensation'],
    ['tk！', 'wants_compensation'],
    ['要退返啲錢', 'wants_compensation'],
    ['I want my money back', 'wants_compensation'],
    ['still waiting for my refnd', 'wants_compensation'],
    ['我要打12345', 'threatens_external'],
    ['回去就发小红书曝光你们', 'threatens_external'],
    ['我要去消委會投訴', 'threatens_external'],
    ["I'm contacting my lawyer", 'threatens_external'],
    ['going to the press', 'threatens_external'],
    ['我们全团都很生气', 'group'],
    ['大家都好嬲', 'group'],
    ['all of us were pressured', 'group'],
    ['我们二十几个人被扔下', 'group'],
    ['已经投诉过一次了', 'repeat'],
    ['第二次反映了', 'repeat'],
    ['没人回复', 'repeat'],
    ['I already complained about this', 'repeat'],
    ['no one answered my messages', 'repeat'],
  ])('%s sets %s', async (text, flag) => {
    expect(await flagsOf(text)).toContain(flag);
  });

  it.each([
    ['我们不需要人工，只想知道几点集合', 'wants_human'],
    ['唔使轉人工', 'wants_human'],
    ['No need for a manager, just tell me the time', 'wants_human'],
    ['我不要什么赔偿，只要道歉', 'wants_compensation'],
    ["I'm not asking for a refund, I just want an apology", 'wants_compensation'],
    ["I won't go to the media, but please fix this", 'threatens_external'],
    ['我们一家三口', 'group'],
    ['又脏又破', 'repeat'],
    ['我爸问了两次路就被吼了', 'repeat'],
    ['客服说可以退', 'wants_human'],
  ])('%s does not set %s', async (text, flag) => {
    expect(await flagsOf(text)).not.toContain(flag);
  });

  it('keeps a demand that is only conditional', async () => {
    expect(await flagsOf('不退钱我就去12315')).toEqual(expect.arrayContaining(['wants_compensation', 'threatens_external']));
  });
});
