import { afterEach, describe, expect, it } from 'vitest';
import { catalogues, phrase, render } from '../../src/i18n/render.ts';
import type { MessageKey } from '../../src/i18n/render.ts';
import type { OutboundMessage } from '../../src/conversation/messages.ts';
import { DeskServer, EventReader } from '../support/console.ts';

const en = catalogues.en;
const say = (key: MessageKey, params: Parameters<typeof phrase>[1]) => render('en', phrase(key, params), 'Asia/Shanghai');
const texts = (messages: OutboundMessage[]) => messages.map((m) => m.text);

let desk: DeskServer;
afterEach(() => desk.close());

describe('a conversation on the staff desk, over HTTP', () => {
  it('goes from the traveller asking for a person to a closed case, with the traveller told at every turn', async () => {
    desk = await DeskServer.start();
    const ann = await desk.staff('ann.lee', 'agent', ['customer_service']);
    const events = await EventReader.open(ann);

    const caseId = await desk.handoff('c1', 'I want to talk to a person');
    const [item] = await ann.queue();
    expect(item).toMatchObject({ caseId, severity: 'medium', team: 'customer_service', level: 'agent', status: 'waiting', owner: null });
    expect(item?.respondBy).toBe('2026-11-21T04:00:00.000Z');
    await events.until({ kind: 'ticket', caseId, change: 'opened' });

    const before = desk.sent.length;
    const claimed = await ann.act(caseId, 'claim');
    expect(claimed.status).toBe(200);
    expect(await claimed.json()).toMatchObject({ ticket: { caseId, status: 'claimed', owner: { id: ann.id, displayName: 'Ann Lee' } } });
    await events.until({ kind: 'ticket', caseId, change: 'claimed' });
    expect(events.events.slice(0, 2)).toEqual([{ kind: 'ticket', caseId, change: 'opened' }, { kind: 'ticket', caseId, change: 'claimed' }]);
    expect(texts(desk.sentTo('c1', before))).toEqual([say('staff.joined.colleague', { name: 'Ann Lee' })]);

    const replied = await ann.act(caseId, 'messages', { text: 'So sorry. Which hotel was it?' });
    expect(replied.status).toBe(200);
    expect(texts(desk.sentTo('c1', before + 1))).toEqual(['Ann Lee: So sorry. Which hotel was it?']);

    expect(await desk.say('The Riverside Inn in Guilin')).toEqual([]); // the bot keeps quiet while staff have it
    await events.until({ kind: 'message', caseId });
    const { transcript, can } = await ann.conversation(caseId);
    expect(transcript.map((l) => [l.from, l.text])).toEqual(expect.arrayContaining([
      ['staff', 'Ann Lee: So sorry. Which hotel was it?'],
      ['traveller', 'The Riverside Inn in Guilin'],
    ]));
    expect(transcript.at(-1)).toMatchObject({ from: 'traveller', text: 'The Riverside Inn in Guilin' });
    expect(can).toMatchObject({ claim: false, reply: true, close: true, handback: true });

    const sentBeforeClose = desk.sent.length;
    const closed = await ann.act(caseId, 'close', { resolution: 'explained', responsible: [{ party: 'guide', share: 60 }, { party: 'agency_staff', share: 40 }] });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toEqual({ ok: true });
    const [left, question] = desk.sentTo('c1', sentBeforeClose);
    expect(left?.text).toBe(say('staff.left', { name: 'Ann Lee' }));
    expect(question?.text).toBe(en['confirm.ask']);
    expect(question?.choices.map((c) => c.id)).toEqual(['satisfied', 'not_satisfied']);
    await events.until({ kind: 'ticket', caseId, change: 'closed' });
    await events.cancel();

    const record = await desk.app.parts.register.get(caseId);
    expect(record?.status).toBe('resolved');
    expect(record?.outcome).toMatchObject({
      resolution: {
        code: 'explained', currency: 'CNY', closedBy: ann.id,
        responsible: [{ party: 'guide', share: 60, cost: 0 }, { party: 'agency_staff', share: 40, cost: 0 }],
      },
    });
    expect(await ann.queue()).toEqual([]);

    const audit = (await desk.app.parts.audit.entries({ target: caseId })).map((e) => [e.action, e.actor]).reverse();
    expect(audit).toEqual([['conversation.claim', ann.id], ['conversation.message', ann.id], ['conversation.close', ann.id]]);
  });

  it('hands the conversation back: the bot restates what it knows, carries on, and the ticket leaves the queue', async () => {
    desk = await DeskServer.start();
    const ann = await desk.staff('ann', 'agent');
    await desk.say('The hotel room was filthy and there was no hot water at all!');
    const caseId = await desk.handoff('c1', 'I want to talk to a person');
    expect((await ann.act(caseId, 'claim')).status).toBe(200);

    const before = desk.sent.length;
    const handed = await ann.act(caseId, 'handback');
    expect(handed.status).toBe(200);
    const [told, restated] = desk.sentTo('c1', before);
    expect(told?.text).toBe(say('staff.handed_back', { name: 'Ann' }));
    expect(restated).toMatchObject({ step: 'restate' });
    expect(restated?.text).toContain(en['restate.intro']);
    expect(restated?.text).toContain(en['restate.ask']);
    expect(restated?.choices.map((c) => c.id)).toEqual(['confirm', 'correct']);
    expect(await ann.queue()).toEqual([]);
    expect((await desk.app.parts.desk.get(caseId))?.status).toBe('handed_back');

    // The bot has the conversation again: it answers the traveller.
    const answered = await desk.press('confirm');
    expect(answered.map((m) => m.step)).toEqual(['apologise', 'propose']);
    expect((await ann.act(caseId, 'messages', { text: 'still there?' })).status).toBe(409);
  });

  it('sends traveller text back as JSON strings, never as markup', async () => {
    desk = await DeskServer.start();
    const ann = await desk.staff('ann', 'agent');
    const caseId = await desk.handoff('c1', 'I want to talk to a person');
    const markup = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    await desk.say(markup);

    const res = await ann.get(`/api/conversations/${caseId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await res.text();
    expect(body).toContain(JSON.stringify(markup));
    const { transcript } = JSON.parse(body) as { transcript: { from: string; text: string }[] };
    expect(transcript.filter((l) => l.from === 'traveller').map((l) => l.text)).toContain(markup);
  });

  it('refuses a staff message when WeChat’s window is closed, naming the 48 hours, and sends nothing', async () => {
    desk = await DeskServer.start({ windows: { webchat: async () => null } });
    const ann = await desk.staff('ann', 'agent');
    const caseId = await desk.handoff('c1', 'I want to talk to a person');
    expect((await ann.act(caseId, 'claim')).status).toBe(200);
    expect((await ann.conversation(caseId)).window).toEqual({ open: false, closesAt: null, remaining: 0 });

    const before = desk.sent.length;
    const res = await ann.act(caseId, 'messages', { text: 'Are you still there?' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toMatch(/48-hour window/);
    expect(desk.sent.length).toBe(before);
    expect((await desk.app.parts.register.transcript('webchat:c1')).map((l) => l.text)).not.toContain('Ann: Are you still there?');
  });
});

describe('approving a remedy beyond the bot’s authority', () => {
  it('puts the accepted offer on finance’s queue and records each approval in the promise ledger', async () => {
    desk = await DeskServer.start();
    const fay = await desk.staff('fay', 'agent', ['finance']);
    const caseId = await desk.acceptedOfferNeedingApproval();
    const [item] = await fay.queue();
    expect(item).toMatchObject({ caseId, team: 'finance', reason: 'approval', level: 'agent' });
    expect((await fay.act(caseId, 'claim')).status).toBe(200);
    const { packet, can } = await fay.conversation(caseId);
    // Authority goes by the case's total (¥660, above the bot's ¥500), not by each part.
    expect(packet.remedies.map((r) => [r.id, r.amount, r.floor, r.needsApproval, r.approver])).toEqual([['price_difference', 300, 300, true, 'agent'], ['same_again', 360, 300, true, 'agent']]);
    expect(can).toMatchObject({ approve: true, reply: false, handback: false });
    const approve = (part: string, body: unknown) => fay.post(`/api/conversations/${caseId}/remedies/${part}/approve`, body);
    const closedEarly = await fay.post(`/api/conversations/${caseId}/close`, { resolution: 'remedy_given', responsible: [{ party: 'supplier', share: 100 }] });
    expect(closedEarly.status).toBe(409);
    expect(await closedEarly.json()).toEqual({ error: expect.stringContaining('approve the remedy'), code: 'approve_before_closing' });

    const belowFloor = await approve('same_again', { amount: 200 });
    expect(belowFloor.status).toBe(400);
    expect(await belowFloor.json()).toEqual({ error: expect.stringContaining('below 300 CNY'), code: 'amount_below_floor', floor: 300, currency: 'CNY' });
    const beyond = await approve('same_again', { amount: 6000 });
    expect(beyond.status).toBe(403);
    expect(await beyond.json()).toEqual({ error: "a total of 6300 CNY is beyond an agent's authority: it needs a supervisor", code: 'beyond_authority', role: 'agent', approver: 'supervisor' });

    const before = desk.sent.length;
    expect((await approve('price_difference', {})).status).toBe(200);
    expect(texts(desk.sentTo('c1', before))).toEqual([say('staff.approved', { name: 'Fay', caseId, total: { amount: 660, currency: 'CNY' } })]);
    expect((await approve('same_again', { amount: 400 })).status).toBe(200);
    expect(texts(desk.sentTo('c1', before + 1))).toEqual([say('staff.approved', { name: 'Fay', caseId, total: { amount: 700, currency: 'CNY' } })]);

    const approvals = (await desk.app.parts.ledger.entries(caseId)).filter((e) => e.kind === 'approval').map((e) => e.payload);
    expect(approvals).toEqual([
      { part: 'price_difference', amount: 300, total: 660, approvedBy: fay.id, approver: 'agent' },
      { part: 'same_again', amount: 400, total: 700, approvedBy: fay.id, approver: 'agent' },
    ]);
    const record = await desk.app.parts.register.get(caseId);
    expect(record).toMatchObject({ status: 'resolved', outcome: { accepted: { total: 700, needsApproval: false } } });
    expect(await fay.queue()).toEqual([]); // nothing is left to approve: the ticket closed
    const again = await approve('same_again', {});
    expect(again.status).toBe(409);
  });
});
