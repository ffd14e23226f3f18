import { describe, expect, it } from 'vitest';
import { staffJoined, staffResolved } from '../../flows/staff.ts';
import { startSurvey } from '../../flows/survey/index.ts';
import { catalogues, phrase, render } from '../../src/i18n/render.ts';
import type { Locale } from '../../src/taxonomy.ts';
import { Harness, choiceIds, policy, steps } from '../support/harness.ts';
import { withDesk } from '../support/with-desk.ts';

const scores = ['score:1', 'score:2', 'score:3', 'score:4', 'score:5'];
const staff = { displayName: 'Lin', introducedAs: 'colleague' } as const;

/** A hotel complaint told, restated and offered for; the traveller accepts the offer. */
async function offerAccepted(h: Harness) {
  await h.say('The hotel room was filthy and there was no hot water at all!');
  await h.say('GZ-2611-A');
  await h.say('yesterday');
  await h.say('2');
  await h.press('wants:compensation');
  await h.press('confirm');
  await h.say('100');
  await h.press('offer:accept');
}

/** A complaint with an offer the traveller accepts and closes as satisfied: the bot alone. */
async function closedByBot(h: Harness) {
  await offerAccepted(h);
  return h.press('satisfied');
}

/** The offer accepted but not enough: a colleague takes over, closes it, and the traveller is satisfied. */
async function closedByStaff(h: Harness) {
  await offerAccepted(h);
  await h.press('not_satisfied');
  const key = 'telegram:c1';
  await h.app.engine.act(key, 'join', (state) => staffJoined(state, staff));
  await h.app.engine.act(key, 'close', (state) => staffResolved(state, staff));
  return h.press('satisfied');
}

describe('satisfaction survey', () => {
  const en = catalogues.en;

  it('asks about the bot, the colleague and the remedy, then a comment, keeping every answer', async () => {
    const h = new Harness();
    const closed = await closedByStaff(h);
    expect(steps(closed)).toEqual(['thank', 'report', 'survey']);
    expect(closed[2]?.text).toContain(en['survey.intro']);
    expect(closed[2]?.text).toContain(en['survey.ask.bot']);
    expect(choiceIds(closed)).toEqual(scores);
    const caseId = h.cases.at(-1)?.id ?? '';

    expect((await h.press('score:5'))[0]?.text).toBe(en['survey.ask.staff']);
    expect((await h.say('4'))[0]?.text).toBe(en['survey.ask.remedy']); // a typed digit
    const comment = await h.say('very good'); // words
    expect(comment[0]?.text).toBe(en['survey.ask.comment']);
    expect(choiceIds(comment)).toEqual(['survey:skip']);
    expect((await h.say('Lin was very patient'))[0]?.text).toBe(en['survey.thanks']);

    const answers = await h.app.parts.surveys.answers(caseId);
    expect(answers.map((a) => [a.question, a.score ?? a.comment])).toEqual([
      ['bot', 5], ['comment', 'Lin was very patient'], ['remedy', 5], ['staff', 4],
    ]);
    // Done: the next message is a new complaint, not a survey answer.
    expect(steps(await h.say('3'))).not.toContain('survey');
  });

  it('asks about the bot and the remedy when no colleague handled the case', async () => {
    const h = new Harness();
    const closed = await closedByBot(h);
    expect(closed[2]?.text).toContain(en['survey.ask.bot']);
    expect((await h.press('score:4'))[0]?.text).toBe(en['survey.ask.remedy']);
    expect((await h.press('score:4'))[0]?.text).toBe(en['survey.ask.comment']);
    expect((await h.press('survey:skip'))[0]?.text).toBe(en['survey.thanks']);
  });

  it('keeps the answers of a traveller who stops halfway', async () => {
    const h = new Harness();
    await closedByStaff(h);
    await h.press('score:3');
    const caseId = h.cases.at(-1)?.id ?? '';
    expect((await h.app.parts.surveys.answers(caseId)).map((a) => [a.question, a.score])).toEqual([['bot', 3]]);
  });

  it('reopens the case for a supervisor on a low score, and says by when', async () => {
    const h = withDesk();
    await closedByStaff(h);
    const caseId = h.cases.at(-1)?.id ?? '';
    const low = await h.say('很差');
    const due = policy.responseDue('medium', h.clock.now());
    expect(low[0]?.text).toContain(render('en', phrase('survey.supervisor', { caseId, time: due }), 'Asia/Shanghai'));
    expect(low[0]?.text).toContain(en['survey.ask.staff']);
    await h.settle();
    expect(await h.app.parts.desk.get(caseId)).toMatchObject({ level: 'supervisor', reason: 'low_satisfaction', status: 'waiting', respondBy: due });
    expect(await h.register.get(caseId)).toMatchObject({ status: 'handed_off' });
    // Said once: a second low score goes on with the survey.
    expect((await h.press('score:1'))[0]?.text).toBe(en['survey.ask.remedy']);
  });

  it('gives way to a new complaint said instead of a score', async () => {
    const h = new Harness();
    await closedByBot(h);
    const complaint = await h.say('The guide was rude and shouted at us');
    expect(steps(complaint)).not.toContain('survey');
    expect(steps(await h.say('GZ-2611-B'))).not.toContain('survey');
  });
});

describe('trip survey', () => {
  it('asks about the trip and the guide; a low score invites a complaint, as a trip has no case', async () => {
    const h = new Harness();
    const departure = { tourCode: 'GZ-2611-A', date: '2026-11-15' };
    await h.app.engine.reachOut({ channel: 'telegram', conversationId: 'c1' }, 'survey', (state, ctx) => startSurvey(state, { about: 'trip', departure }, ctx));
    const zh = catalogues['zh-CN']; // the agency's default language, until the traveller writes in theirs
    expect(h.sent.at(-1)?.text).toContain(zh['survey.ask.trip']);
    const low = await h.say('2');
    expect(low[0]?.text).toBe(`${zh['survey.trip_low']}\n${zh['survey.ask.guide']}`);
    await h.press('score:5');
    await h.press('survey:skip');
    expect((await h.app.parts.surveys.answers('trip:telegram:c1:GZ-2611-A:2026-11-15')).map((a) => [a.question, a.score])).toEqual([['guide', 5], ['trip', 2]]);
    expect(h.cases).toHaveLength(0);
  });
});

describe.each(['zh-CN', 'zh-TW'] as Locale[])('survey in %s', (locale) => {
  it('asks and thanks in the traveller\'s language, reading scores in words', async () => {
    const h = new Harness();
    const words = catalogues[locale];
    await h.say(locale === 'zh-CN' ? '请帮我转人工客服' : '請幫我轉真人客服');
    await h.app.engine.act('telegram:c1', 'join', (state) => staffJoined(state, staff));
    await h.app.engine.act('telegram:c1', 'close', (state) => staffResolved(state, staff));
    const closed = await h.press('satisfied');
    expect(closed.at(-1)?.text).toContain(words['survey.ask.bot']);
    const [best, good, thanks] = locale === 'zh-CN' ? ['非常满意', '满意', '谢谢小林'] : ['非常滿意', '滿意', '謝謝小林'];
    expect((await h.say(best))[0]?.text).toBe(words['survey.ask.staff']);
    expect((await h.say(good))[0]?.text).toBe(words['survey.ask.comment']);
    expect((await h.say(thanks))[0]?.text).toBe(words['survey.thanks']);
    const caseId = h.cases.at(-1)?.id ?? '';
    // Answered at one instant (the manual clock), so in question order.
    expect((await h.app.parts.surveys.answers(caseId)).map((a) => [a.question, a.score ?? a.comment])).toEqual([['bot', 5], ['comment', thanks], ['staff', 4]]);
  });
});
