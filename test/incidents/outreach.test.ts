import { afterEach, describe, expect, it } from 'vitest';
import { phrase, render } from '../../src/i18n/render.ts';
import type { Incident } from '../../src/ports/incident-register.ts';
import type { Channel } from '../../src/conversation/messages.ts';
import type { Locale } from '../../src/taxonomy.ts';
import { DeskServer } from '../support/console.ts';
import type { StaffClient } from '../support/console.ts';
import { boundGuide, complainOnTour, complaints, guideReports } from '../support/incidents.ts';
import { policy } from '../support/harness.ts';

let desk: DeskServer;
afterEach(async () => desk.close());

const departure = { tourCode: 'GZ-2611-A', date: '2026-11-18' };
const roster = [
  { ref: 'B-001', name: 'Anna Smith', locale: 'en', channel: 'telegram', conversationId: 'anna' },
  { ref: 'B-002', name: '王芳', locale: 'zh-CN', channel: 'webchat', conversationId: 'fang' },
  { ref: 'B-003', name: '陈伟', locale: 'zh-TW', channel: null, conversationId: null },
];

/** A supervisor keeps the roster; the departure's guide reports a hotel problem. */
async function hotelReport(travellers: unknown[]): Promise<{ mia: StaffClient; incident: Incident }> {
  const mia = await desk.staff('mia', 'supervisor');
  const put = await mia.post(`/api/departures/${departure.tourCode}/${departure.date}/travellers`, { travellers });
  expect(put.status).toBe(200);
  expect(await put.json()).toEqual({ travellers: travellers.length });
  await boundGuide(desk, mia, 'g1', [departure]);
  const incident = await guideReports(desk, 'g1', { type: 'hotel', severity: 'medium', text: 'The hotel gave away half of our rooms' });
  return { mia, incident };
}

const say = (locale: Locale, key: Parameters<typeof phrase>[0], params?: Parameters<typeof phrase>[1]) => render(locale, phrase(key, params), 'Asia/Shanghai');

describe('writing first to the travellers of an incident', () => {
  it('sends each traveller with a chat identity an apology and the remedy in their own language, and records each offer', async () => {
    desk = await DeskServer.start();
    const { incident } = await hotelReport(roster);
    const ann = await desk.staff('ann', 'agent');
    const before = desk.sent.length;

    const res = await ann.post(`/api/incidents/${incident.id}/outreach`, { amount: 100 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sent: 2, skipped: 1 });

    for (const { conversationId, channel, locale } of [{ conversationId: 'anna', channel: 'telegram', locale: 'en' }, { conversationId: 'fang', channel: 'webchat', locale: 'zh-CN' }] as const) {
      const [message, ...more] = desk.sentTo(conversationId, before, channel);
      expect(more).toEqual([]);
      expect(message?.text.split('\n')).toEqual([
        say(locale, 'outreach.apology', { what: phrase('incident.type.hotel'), tour: 'GZ-2611-A' }),
        say(locale, 'outreach.remedy', { amount: { amount: 100, currency: 'CNY' } }),
        say(locale, 'outreach.invite'),
      ]);
    }
    expect(desk.sent.slice(before).map((m) => `${m.channel}:${m.conversationId}`).sort()).toEqual(['telegram:anna', 'webchat:fang']);
    const affected = (await desk.app.parts.incidents.get(incident.id))?.affected ?? [];
    expect(affected.map((a) => [a.conversationKey, a.caseId]).sort()).toEqual([['telegram:anna', null], ['webchat:fang', null]]); // shown in the console

    const offers = (await desk.app.parts.ledger.entries(incident.id)).filter((e) => e.kind === 'offer');
    expect(offers.map((e) => e.payload).sort((a, b) => String(a.conversationKey).localeCompare(String(b.conversationKey)))).toEqual([
      { outreach: true, conversationKey: 'telegram:anna', amount: 100 },
      { outreach: true, conversationKey: 'webchat:fang', amount: 100 },
    ]);
  });

  it('refuses an agent an amount beyond their authority, naming who may send it, and sends nothing', async () => {
    desk = await DeskServer.start();
    const { incident } = await hotelReport(roster);
    const ann = await desk.staff('ann', 'agent');
    const before = desk.sent.length;

    const res = await ann.post(`/api/incidents/${incident.id}/outreach`, { amount: 100_000 });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(new RegExp(`needs an? ${policy.approverFor(100_000)}`));
    expect(policy.approverFor(100_000)).toBe('executive');
    expect(desk.sent.length).toBe(before);
    expect(await desk.app.parts.ledger.entries(incident.id)).toEqual([]);
  });

  it('skips a WeChat traveller whose 48-hour window is closed', async () => {
    desk = await DeskServer.start({ windows: { wechat: async (id) => (id === 'quiet' ? null : { closesAt: new Date('2026-11-22T00:00:00Z'), remaining: 5 }) } });
    const { mia, incident } = await hotelReport([
      { ref: 'B-001', name: 'Li Na', locale: 'zh-CN', channel: 'wechat', conversationId: 'recent' },
      { ref: 'B-002', name: 'Zhou Jie', locale: 'zh-CN', channel: 'wechat', conversationId: 'quiet' },
    ]);
    const before = desk.sent.length;

    const res = await mia.post(`/api/incidents/${incident.id}/outreach`, {});
    expect(await res.json()).toEqual({ sent: 1, skipped: 1 });
    expect(desk.sent.slice(before).map((m) => `${m.channel}:${m.conversationId}`)).toEqual(['wechat:recent']);
  });
});

describe('one settlement for a group complaint', () => {
  const hours = (n: number) => n * 3_600_000;
  const travellers: { channel: Channel; id: string; locale: Locale }[] = [
    { channel: 'wechat', id: 'w1', locale: 'zh-CN' }, { channel: 'telegram', id: 't1', locale: 'en' }, { channel: 'webchat', id: 'c1', locale: 'en' },
    { channel: 'cli', id: 'k1', locale: 'en' }, { channel: 'webchat', id: 'c2', locale: 'en' },
  ];

  /** Five travellers of one departure complain about the hotel; a supervisor offers them all ¥300. */
  async function settled() {
    desk = await DeskServer.start();
    const caseOf = new Map<string, string>();
    for (const t of travellers) {
      caseOf.set(t.id, await complainOnTour(desk, t.channel, t.id, 'GZ-2611-A', t.locale === 'en' ? complaints.accommodation : complaints.accommodationZh));
    }
    const [group] = await desk.app.parts.incidents.list();
    const mia = await desk.staff('mia', 'supervisor');
    const before = desk.sent.length;
    const offeredAt = desk.clock.now();
    const res = await mia.post(`/api/incidents/${group?.id ?? ''}/settlement`, { amount: 300 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sent: 5, skipped: 0 });
    return { caseOf, before, offeredAt, incidentId: group?.id ?? '' };
  }

  it('offers every affected traveller the settlement with the incentive tiers, and the choice to accept or decline', async () => {
    const { before } = await settled();
    for (const { channel, id, locale } of travellers) {
      const [offer, ...more] = desk.sentTo(id, before, channel);
      expect(more).toEqual([]);
      expect(offer?.text.split('\n')).toEqual([
        say(locale, 'settlement.offer', { amount: { amount: 300, currency: 'CNY' } }),
        ...policy.incentiveTiers.map((t) => say(locale, 'settlement.tier', { hours: t.withinHours, percent: t.percent })),
        say(locale, 'settlement.ask'),
      ]);
      expect(offer?.choices.map((c) => c.id)).toEqual(['settlement:accept', 'settlement:decline']);
    }
    expect(policy.incentiveTiers).toEqual([{ withinHours: 24, percent: 10 }, { withinHours: 72, percent: 5 }]);
  });

  it('adds the 24-hour tier\'s bonus for a traveller accepting after 2 hours, and hands a traveller declining to a person', async () => {
    const { caseOf, offeredAt, incidentId } = await settled();
    desk.clock.advance(hours(2));
    await desk.write('telegram', '', 't1', 'settlement:accept');
    const acceptedAt = desk.clock.now();
    await desk.write('webchat', '', 'c1', 'settlement:decline');

    const accepted = caseOf.get('t1') ?? '';
    const bonus = policy.groupBonus(300, offeredAt, acceptedAt);
    const acceptance = (await desk.app.parts.ledger.entries(accepted)).filter((e) => e.kind === 'acceptance');
    expect(acceptance.map((e) => e.payload)).toEqual([{ settlement: incidentId, amount: 300, bonus: bonus.amount, percent: bonus.percent, total: 300 + bonus.amount }]);
    expect(bonus).toEqual({ withinHours: 24, percent: 10, amount: 30 }); // default-policy.yaml: +10 % within 24 hours
    expect(desk.sentTo('t1', 0, 'telegram').at(-1)?.text).toBe(say('en', 'settlement.accepted', { total: { amount: 330, currency: 'CNY' } }));

    const declined = caseOf.get('c1') ?? '';
    const refusal = (await desk.app.parts.ledger.entries(declined)).filter((e) => e.kind === 'refusal');
    expect(refusal.map((e) => e.payload)).toEqual([{ settlement: incidentId, amount: 300 }]);
    expect((await desk.app.parts.desk.list()).map((t) => [t.caseId, t.reason])).toEqual([[declined, 'remedy_refused']]);
  });

  it('refuses a settlement on a guide\'s report: that is what outreach is for', async () => {
    desk = await DeskServer.start();
    const { mia, incident } = await hotelReport(roster);
    const res = await mia.post(`/api/incidents/${incident.id}/settlement`, { amount: 300 });
    expect(res.status).toBe(409);
    expect(await desk.app.parts.ledger.entries(incident.id)).toEqual([]);
  });
});
