import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/i18n/render.ts';
import type { Locale } from '../../src/taxonomy.ts';
import { Harness, choiceIds, steps } from '../support/harness.ts';

interface Script {
  locale: Locale;
  complaint: string;
  tour: string;
  when: string;
  correction: string;
  preference: string;
  person: string;
  emergency: string;
}

const scripts: Script[] = [
  {
    locale: 'en',
    complaint: 'The hotel room was filthy and there was no hot water at all!',
    tour: 'GZ-2611-A',
    when: 'yesterday',
    correction: 'Actually the real problem was the guide, who was rude and shouted at us',
    preference: 'I want a full refund of the hotel nights',
    person: 'I want to talk to a real person',
    emergency: 'My father fell on the bus and is injured, we are in the hospital now',
  },
  {
    locale: 'zh-CN',
    complaint: '酒店房间太脏了，而且一直没有热水！',
    tour: 'GZ-2611-A',
    when: '昨天',
    correction: '不是酒店，主要是导游态度很差，还骂我们',
    preference: '我要求退还酒店的钱',
    person: '转人工',
    emergency: '我爸爸在车上摔倒受伤了，现在在医院',
  },
  {
    locale: 'zh-TW',
    complaint: '飯店房間很髒，而且一直沒有熱水！',
    tour: 'GZ-2611-A',
    when: '昨天',
    correction: '不是飯店，主要是導遊態度很差，還罵我們',
    preference: '我要求退還飯店的錢',
    person: '我要找真人客服',
    emergency: '我爸爸在車上跌倒受傷了，現在在醫院',
  },
];

describe.each(scripts)('complaint flow in $locale', (s) => {
  const words = catalogues[s.locale];

  /** Tells the complaint and answers every question, up to the restatement. */
  async function toRestatement(h: Harness) {
    const first = await h.say(s.complaint);
    expect(first[0]?.text).toBe(words['ask.tour']);
    expect((await h.say(s.tour))[0]?.text).toBe(words['ask.when']);
    expect((await h.say(s.when))[0]?.text).toBe(words['ask.people']);
    expect((await h.say('2'))[0]?.text).toBe(words['ask.wants']);
    return h.press('wants:compensation');
  }

  it('walks the happy path through all seven steps to a case number', async () => {
    const h = new Harness();
    const restated = await toRestatement(h);
    expect(steps(restated)).toEqual(['restate']);
    expect(restated[0]?.text).toContain('GZ-2611-A');
    expect(choiceIds(restated)).toEqual(['confirm', 'correct']);

    const offered = await h.press('confirm');
    expect(steps(offered)).toEqual(['apologise', 'propose']);
    expect(offered[1]?.text).toContain(words['basis.clause'].replace('{clause}', '8'));
    expect(choiceIds(offered)).toContain('remedy:compensation:8');

    const plan = await h.press('remedy:compensation:8');
    expect(steps(plan)).toEqual(['confirm']);
    expect(plan[0]?.text).toContain(words['confirm.ask']);

    const done = await h.press('satisfied');
    expect(steps(done)).toEqual(['thank', 'report']);
    const filed = h.cases.at(-1);
    expect(filed?.id).toMatch(/^TC-[2-9A-HJKMNP-TV-Z]{6}$/);
    expect(done[1]?.text).toContain(filed?.id);
    expect(filed).toMatchObject({ category: 'accommodation', status: 'pending_approval' });
    expect(filed?.problems).toEqual(expect.arrayContaining(['room_dirty', 'no_hot_water']));
    expect(filed?.steps).toEqual(['listen', 'restate', 'apologise', 'propose', 'confirm', 'thank', 'report']);
    expect(filed?.facts).toMatchObject({ tour: 'GZ-2611-A', when: '2026-11-20', people: 2, wants: { kind: 'compensation' } });
    expect(await h.jobs.waiting('case.action')).toHaveLength(1);
  });

  it('returns to listening when the restatement is corrected, and restates again', async () => {
    const h = new Harness();
    await toRestatement(h);
    const asked = await h.press('correct');
    expect(asked[0]?.text).toBe(words['listen.correct']);
    const restated = await h.say(s.correction);
    expect(steps(restated)).toEqual(['restate']);
    expect(restated[0]?.text).toContain(words['problem.guide_rude']);
    expect(restated[0]?.text).not.toContain(words['problem.room_dirty']);
    await h.press('confirm');
    expect(h.sent.at(-1)?.choices.map((c) => c.id)).toContain('remedy:compensation:9');
  });

  it('asks for the traveller’s preference when every remedy is refused, then hands off', async () => {
    const h = new Harness();
    await toRestatement(h);
    await h.press('confirm');
    const asked = await h.press('remedy:none');
    expect(asked[0]?.text).toBe(words['propose.ask_preference']);
    const handed = await h.say(s.preference);
    expect(steps(handed)).toEqual(['handoff']);
    expect(h.cases.at(-1)).toMatchObject({ status: 'handed_off' });
    expect(handed[0]?.text).toContain(h.cases.at(-1)?.id);
    const [job] = await h.jobs.waiting('handoff');
    expect(job?.data).toMatchObject({ reason: 'remedy_refused', severity: 'medium' });
  });

  it('hands off when the traveller is not satisfied with the plan', async () => {
    const h = new Harness();
    await toRestatement(h);
    await h.press('confirm');
    await h.press('remedy:manager_call:agency');
    const handed = await h.press('not_satisfied');
    expect(steps(handed)).toEqual(['handoff']);
    expect((await h.jobs.waiting('handoff'))[0]?.data).toMatchObject({ reason: 'not_satisfied' });
  });

  it('hands off at once when the traveller asks for a person, mid-flow', async () => {
    const h = new Harness();
    await h.say(s.complaint);
    const handed = await h.say(s.person);
    expect(steps(handed)).toEqual(['handoff']);
    expect(handed[0]?.text).toContain(h.cases.at(-1)?.id);
    const [job] = await h.jobs.waiting('handoff');
    expect(job).toMatchObject({ priority: 3, data: { reason: 'asked_for_person' } });
    expect(await h.jobs.waiting('sla.due')).toHaveLength(1);
    // While waiting, more messages are kept with the case and acknowledged.
    const noted = await h.say(s.when);
    expect(steps(noted)).toEqual(['handoff']);
  });

  it('gives safety guidance first in a critical case, then hands off at top priority', async () => {
    const h = new Harness({ AGENCY_EMERGENCY_PHONE: '+86 400 000 0000' });
    const replies = await h.say(s.emergency);
    expect(steps(replies)).toEqual(['safety', 'handoff']);
    expect(replies[0]?.text).toContain(words['safety.guidance']);
    expect(replies[0]?.text).toContain('+86 400 000 0000');
    expect(h.cases.at(-1)).toMatchObject({ category: 'safety', severity: 'critical', status: 'handed_off' });
    expect((await h.jobs.waiting('handoff'))[0]).toMatchObject({ priority: 1, data: { reason: 'safety' } });
  });

  it('answers in the traveller’s language from the first message on', async () => {
    const h = new Harness({ DEFAULT_LOCALE: s.locale === 'en' ? 'zh-CN' : 'en' });
    const replies = await h.say(s.complaint);
    expect(replies[0]?.text).toBe(words['ask.tour']);
  });
});
