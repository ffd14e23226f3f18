import { describe, expect, it } from 'vitest';
import { catalogues, phrase, render } from '../../src/i18n/render.ts';
import { verifyChain } from '../../src/ledger/chain.ts';
import type { Locale } from '../../src/taxonomy.ts';
import { Harness, choiceIds, policy, steps } from '../support/harness.ts';

interface Script {
  locale: Locale;
  complaint: string;
  tour: string;
  when: string;
  correction: string;
  preference: string;
  person: string;
  emergency: string;
  rightsQuestion: string;
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
    rightsQuestion: 'What am I entitled to if the guide forces us to go shopping?',
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
    rightsQuestion: '如果导游强迫我们购物，我能获得什么赔偿？',
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
    rightsQuestion: '如果導遊強迫我們購物，我可以獲得什麼賠償？',
  },
];

const money = (locale: Locale, amount: number) => render(locale, phrase('amount.fixed', { amount: { amount, currency: 'CNY' } }), 'Asia/Shanghai');

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

  /** From the restatement to the offer: apology, then the figure the clause needs. */
  async function toOffer(h: Harness, priceDifference = '300') {
    const asked = await h.press('confirm');
    expect(steps(asked)).toEqual(['apologise', 'propose']);
    expect(asked[1]?.text).toBe(words['ask.figure.priceDifference']);
    return h.say(priceDifference);
  }

  it('walks the happy path through all seven steps to a case number', async () => {
    const h = new Harness();
    const restated = await toRestatement(h);
    expect(steps(restated)).toEqual(['restate']);
    expect(restated[0]?.text).toContain('GZ-2611-A');
    expect(choiceIds(restated)).toEqual(['confirm', 'correct']);

    const offered = await toOffer(h);
    expect(steps(offered)).toEqual(['propose']);
    const offer = offered[0]!.text;
    expect(offer).toContain(words['clause.8']); // the basis, in plain words
    expect(offer).toContain(`${words['part.price_difference']}${s.locale === 'en' ? ': ' : '：'}${money(s.locale, 300)}`);
    // The same again, as the law asks, and the agency's 20 % beside it rather than hidden in it.
    expect(offer).toContain(`${money(s.locale, 300)}${s.locale === 'en' ? ', and ' : '，'}`);
    expect(offer).toContain(money(s.locale, 60));
    expect(offer).toContain(money(s.locale, 660));
    expect(offer).toContain(words['propose.approval']); // 660 is above what the bot may confirm alone
    expect(choiceIds(offered)).toEqual(['offer:accept', 'offer:refuse']);

    const plan = await h.press('offer:accept');
    expect(steps(plan)).toEqual(['confirm']);
    expect(plan[0]?.text).toContain(money(s.locale, 660));
    expect(plan[0]?.text).toContain(words['confirm.ask']);

    const done = await h.press('satisfied');
    expect(steps(done)).toEqual(['thank', 'report', 'survey']); // then the satisfaction survey
    const filed = h.cases.at(-1);
    expect(filed?.id).toMatch(/^TC-[2-9A-HJKMNP-TV-Z]{6}$/);
    expect(done[1]?.text).toContain(filed?.id);
    expect(filed).toMatchObject({ category: 'accommodation', status: 'pending_approval' });
    expect(filed?.problems).toEqual(expect.arrayContaining(['room_dirty', 'no_hot_water']));
    expect(filed?.steps).toEqual(['listen', 'restate', 'apologise', 'propose', 'confirm', 'thank', 'report']);
    expect(filed?.facts).toMatchObject({ tour: 'GZ-2611-A', when: '2026-11-20', people: 2, wants: { kind: 'compensation' } });
    expect(filed?.outcome).toMatchObject({ accepted: { total: 660, needsApproval: true } });
    expect(await h.jobs.waiting('case.action')).toHaveLength(1);

    const ledger = await h.app.parts.ledger.entries(filed!.id);
    expect(ledger.map((e) => e.kind)).toEqual(['offer', 'acceptance', 'deadline']);
    expect(ledger[0]?.payload).toMatchObject({ total: 660, situations: ['grade_below_contract'] });
    expect(ledger[0]?.policyVersion).toBe(policy.version);
    expect(verifyChain(await h.app.parts.ledger.entries()).ok).toBe(true);
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
    const next = await h.press('confirm');
    expect(next.at(-1)?.text).toBe(words['ask.figure.fee']); // clause 9 is a share of the fee
  });

  it('confirms a small offer itself, on the traveller’s word', async () => {
    const h = new Harness();
    await toRestatement(h);
    await h.press('correct');
    await h.say(s.correction);
    await h.press('confirm');
    const offered = await h.say('3000');
    expect(offered[0]?.text).toContain(money(s.locale, 90)); // 3 % of 3000, within the bot's authority
    expect(offered[0]?.text).not.toContain(words['propose.approval']);
    const plan = await h.press('offer:accept');
    expect(plan[0]?.text).toContain(words['confirm.arranged'].split('{time}')[0]!);
  });

  it('leaves an amount to staff when the traveller does not know a figure', async () => {
    const h = new Harness();
    await toRestatement(h);
    await h.press('confirm');
    const offered = await h.press('skip');
    expect(offered[0]?.text).toContain(words['amount.by_staff']);
    expect(offered[0]?.text).toContain(words['propose.approval']);
    await h.press('offer:accept');
    await h.press('satisfied');
    expect(h.cases.at(-1)?.facts).toMatchObject({ unknownFigures: ['priceDifference'] });
  });

  it('asks for the traveller’s preference when the offer is refused, then hands off', async () => {
    const h = new Harness();
    await toRestatement(h);
    await toOffer(h);
    const asked = await h.press('offer:refuse');
    expect(asked[0]?.text).toBe(words['propose.ask_preference']);
    const handed = await h.say(s.preference);
    expect(steps(handed)).toEqual(['handoff']);
    const filed = h.cases.at(-1)!;
    expect(filed).toMatchObject({ status: 'handed_off' });
    expect(handed[0]?.text).toContain(filed.id);
    const [job] = await h.jobs.waiting('handoff');
    expect(job?.data).toMatchObject({ reason: 'remedy_refused', severity: 'medium' });
    expect((await h.app.parts.ledger.entries(filed.id)).map((e) => e.kind)).toEqual(['offer', 'refusal']);
  });

  it('hands off when the traveller is not satisfied with the plan', async () => {
    const h = new Harness();
    await toRestatement(h);
    await toOffer(h);
    await h.press('offer:accept');
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
    expect((await h.jobs.waiting('sla.due')).map((j) => j.data.kind)).toEqual(['first_response', 'resolution']);
    // While waiting, more messages are kept with the case and acknowledged.
    const noted = await h.say(s.when);
    expect(steps(noted)).toEqual(['handoff']);
  });

  it('gives safety guidance first in a critical case, then hands off at top priority', async () => {
    const h = new Harness({ AGENCY_EMERGENCY_PHONE: '+86 400 000 0000' });
    const replies = await h.say(s.emergency);
    expect(steps(replies)).toEqual(['safety', 'handoff']);
    expect(replies[0]?.text).toContain(words['safety.numbers_unknown']);
    expect(replies[0]?.text).toContain('+86 400 000 0000');
    expect(replies[0]?.text).toContain(words['safety.paged']);
    expect(h.cases.at(-1)).toMatchObject({ category: 'safety', severity: 'critical', status: 'handed_off' });
    expect((await h.jobs.waiting('handoff'))[0]).toMatchObject({ priority: 1, data: { reason: 'safety' } });
    // The manager on duty is paged through an emergency incident that names the traveller's case.
    const [incident] = await h.app.parts.incidents.list();
    expect(incident).toMatchObject({ kind: 'emergency', severity: 'critical', affected: [{ caseId: h.cases.at(-1)?.id }] });
    expect((await h.jobs.waiting('incident.page'))[0]).toMatchObject({ priority: 1, data: { incidentId: incident?.id } });
  });

  it('answers in the traveller’s language from the first message on', async () => {
    const h = new Harness({ DEFAULT_LOCALE: s.locale === 'en' ? 'zh-CN' : 'en' });
    const replies = await h.say(s.complaint);
    expect(replies[0]?.text).toBe(words['ask.tour']);
  });

  it('answers a rights question from the same rules, without opening a case', async () => {
    const h = new Harness();
    const answer = await h.say(s.rightsQuestion);
    expect(answer[0]?.text).toContain(words['clause.10(4)']);
    expect(choiceIds(answer)).toEqual(['rights:complain', 'rights:done']);
    expect(h.cases).toHaveLength(0);
    expect(await h.app.parts.ledger.entries()).toHaveLength(0);
    const next = await h.press('rights:complain');
    expect(next[0]?.text).toBe(words['ask.what']);
  });
});
