import { describe, expect, it } from 'vitest';
import { catalogues, phrase, render } from '../../src/i18n/render.ts';
import type { Locale } from '../../src/taxonomy.ts';
import { Harness, choiceIds, policy, steps } from '../support/harness.ts';
import { withDesk } from '../support/with-desk.ts';

const zone = 'Asia/Shanghai';

describe('status queries', () => {
  const en = catalogues.en;

  it('tells a handed-off case by its number: where it stands and by when a person replies', async () => {
    const h = withDesk();
    await h.say('I want to talk to a real person');
    const caseId = h.cases.at(-1)?.id ?? '';
    const due = policy.responseDue('medium', h.clock.now());
    h.clock.advance(60_000);
    const status = await h.say(`Any news on ${caseId}?`);
    expect(steps(status)).toEqual(['notice']);
    expect(status[0]?.text).toContain(render('en', phrase('status.case', { caseId, state: phrase('status.state.handed_off') }), zone));
    expect(status[0]?.text).toContain(render('en', phrase('status.next', { time: due }), zone));
  });

  it.each([
    ['zh-CN', '我的投诉怎么样了'],
    ['zh-TW', '進度'],
    ['en', 'where is my case'],
  ] as [Locale, string][])('tells the latest case when asked in words (%s)', async (locale, asked) => {
    const h = new Harness();
    await h.say(locale === 'en' ? 'I want to talk to a real person' : locale === 'zh-CN' ? '请帮我转人工客服' : '請幫我轉真人客服');
    const caseId = h.cases.at(-1)?.id ?? '';
    const status = await h.say(asked);
    expect(status[0]?.text).toContain(render(locale, phrase('status.case', { caseId, state: phrase('status.state.handed_off') }), zone));
    expect(h.cases).toHaveLength(1);
  });

  it("says another traveller's case is not found, and tells nothing of it", async () => {
    const h = new Harness();
    await h.say('I want to talk to a real person', { conversationId: 'other', senderId: 'u2' });
    const theirs = h.cases.at(-1)?.id ?? '';
    const status = await h.say(`status ${theirs}`);
    expect(status[0]?.text).toBe(render('en', phrase('status.not_found', { caseId: theirs }), zone));
  });

  it('says when there is no case yet, and offers to open one', async () => {
    const h = new Harness();
    const status = await h.say('status');
    expect(status[0]?.text).toBe(en['status.none']);
    expect(choiceIds(status)).toEqual(['rights:complain', 'rights:done']);
    expect((await h.press('rights:complain'))[0]?.text).toBe(en['ask.what']);
  });
});

describe('suggestions and praise', () => {
  it.each([
    ['zh-CN', '建议早餐多一些选择', 'suggestion'],
    ['zh-CN', '表扬导游小王，讲解很用心', 'praise'],
    ['zh-TW', '我想表揚導遊小王', 'praise'],
    ['en', "I'd like to praise our guide Wang", 'praise'],
    ['en', 'suggestion: more free time in Guilin', 'suggestion'],
  ] as [Locale, string, 'suggestion' | 'praise'][])('records %s "%s" and thanks, opening no case', async (locale, text, kind) => {
    const h = new Harness();
    const thanked = await h.say(text);
    expect(thanked.map((r) => r.text)).toEqual([catalogues[locale][`feedback.thanks.${kind}`]]);
    expect(await h.app.parts.surveys.feedback('telegram:c1')).toMatchObject([{ kind, text }]);
    expect(await h.register.latestCase('telegram:c1')).toBeUndefined();
    expect(h.cases).toHaveLength(0);
  });

  it('keeps a complaint a complaint, even when it suggests something', async () => {
    const h = new Harness();
    const replies = await h.say('The hotel room was filthy and there was no hot water at all!');
    expect(replies[0]?.text).toBe(catalogues.en['ask.tour']);
    expect(steps(await h.say('I suggest you check hotels before booking'))).not.toEqual(['notice']);
    expect(await h.app.parts.surveys.feedback('telegram:c1')).toEqual([]);
  });
});
