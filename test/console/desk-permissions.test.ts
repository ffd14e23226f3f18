import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phrase, render } from '../../src/i18n/render.ts';
import { DeskServer } from '../support/console.ts';

const joined = (locale: 'en' | 'zh-CN', how: 'colleague' | 'complaint_officer', name: string) => render(locale, phrase(`staff.joined.${how}`, { name }), 'Asia/Shanghai');
const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

let desk: DeskServer;
beforeEach(async () => {
  desk = await DeskServer.start();
});
afterEach(() => desk.close());

describe('claiming a ticket', () => {
  it('gives it to exactly one of 20 agents claiming at once; the others are told who has it and cannot reply', async () => {
    const agents = await Promise.all(Array.from({ length: 20 }, (_, i) => desk.staff(`agent${i}`, 'agent')));
    const caseId = await desk.handoff('c1', 'I want to talk to a person');
    const before = desk.sent.length;

    const answers = await Promise.all(agents.map(async (a) => ({ agent: a, res: await a.act(caseId, 'claim') })));
    const won = answers.filter(({ res }) => res.status === 200);
    const lost = answers.filter(({ res }) => res.status === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    const winner = won[0]!.agent;
    const owner = (await desk.app.parts.staff.get(winner.id))!;
    for (const { res } of lost) {
      expect(await res.json()).toEqual({ error: `${owner.displayName} has this conversation already`, code: 'already_claimed', owner: { id: winner.id, displayName: owner.displayName } });
    }
    expect(desk.sentTo('c1', before).map((m) => m.text)).toEqual([joined('en', 'colleague', owner.displayName)]);

    const loser = lost[0]!.agent;
    const reply = await loser.act(caseId, 'messages', { text: 'Hello, I am here too' });
    expect(reply.status).toBe(409);
    expect(await errorOf(reply)).toMatch(/claim this conversation first/);
    expect(desk.sent.length).toBe(before + 1);
  });
});

describe('who sees and does what', () => {
  it('keeps supervisor-level tickets from agents and executive-level ones from supervisors', async () => {
    const ann = await desk.staff('ann', 'agent');
    const sue = await desk.staff('sue', 'supervisor');
    const caseId = await desk.handoff('c1', '我要找律师起诉你们');
    expect(await sue.queue()).toMatchObject([{ caseId, team: 'legal', level: 'supervisor', reason: 'external_threat' }]);

    // An agent is not told such a ticket exists.
    expect(await ann.queue()).toEqual([]);
    expect((await ann.act(caseId, 'claim')).status).toBe(404);
    expect((await ann.get(`/api/conversations/${caseId}`)).status).toBe(404);

    expect((await sue.act(caseId, 'escalate', { grounds: 'high_profile' })).status).toBe(200);
    const refused = await sue.act(caseId, 'claim');
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toBe('this executive-level ticket is not yours to claim');
  });

  it('shows agents only their own teams’ queues', async () => {
    const fay = await desk.staff('fay', 'agent', ['finance']);
    const cal = await desk.staff('cal', 'agent', ['customer_service']);
    const caseId = await desk.handoff('c1', 'I want to talk to a person');
    expect(await cal.queue()).toMatchObject([{ caseId, team: 'customer_service' }]);
    expect(await fay.queue()).toEqual([]);
    expect((await fay.get(`/api/conversations/${caseId}`)).status).toBe(404);
    expect((await fay.act(caseId, 'claim')).status).toBe(404);
  });

  it('lets admins see and assign every ticket, but not claim, reply or approve', async () => {
    const ada = await desk.staff('ada', 'admin');
    const ann = await desk.staff('ann', 'agent');
    const caseId = await desk.handoff('c1', 'I want to talk to a person');
    const legal = await desk.handoff('c2', '我要找律师起诉你们');
    expect((await ada.queue()).map((t) => t.caseId).sort()).toEqual([caseId, legal].sort());
    expect((await ada.get('/api/staff')).status).toBe(200);

    const claim = await ada.act(caseId, 'claim');
    expect(claim.status).toBe(403);
    for (const [action, body] of [['messages', { text: 'hi' }], ['close', { resolution: 'explained', responsible: [{ party: 'none', share: 100 }] }], ['handback', {}]] as const) {
      const res = await ada.act(caseId, action, body);
      expect(res.status).toBe(403);
      expect(await errorOf(res)).toMatch(/only agents, supervisors and executives/);
    }
    expect((await ada.act(caseId, 'assign', { staffId: ann.id })).status).toBe(200);
    expect((await ann.queue())[0]).toMatchObject({ caseId, status: 'claimed', owner: { id: ann.id } });
  });

  it('shows a partner nothing until shared, then only the masked facts, and lets them change nothing', async () => {
    const pat = await desk.staff('pat', 'partner');
    const ann = await desk.staff('ann', 'agent');
    await desk.say('The guide was rude to us. My name is Zhang Wei, call me on 13812345678');
    const caseId = await desk.handoff('c1', 'I want to talk to a person');
    expect(await pat.queue()).toEqual([]);
    expect((await pat.get(`/api/conversations/${caseId}`)).status).toBe(404);
    const refusedList = await pat.get('/api/staff');
    expect(refusedList.status).toBe(403);
    expect(await refusedList.json()).toEqual({ error: 'this is for staff with the role agent or supervisor or executive or admin', code: 'forbidden_role', roles: ['agent', 'supervisor', 'executive', 'admin'] });

    expect((await ann.act(caseId, 'claim')).status).toBe(200);
    expect((await ann.act(caseId, 'notes', { text: 'Zhang Wei was very upset' })).status).toBe(200);
    expect((await ann.act(caseId, 'share', { partnerId: pat.id })).status).toBe(200);
    expect((await pat.queue()).map((t) => t.caseId)).toEqual([caseId]);

    const shared = await pat.conversation(caseId);
    const telling = shared.packet.telling.join('\n');
    expect(telling).toContain('[PHONE_1]');
    expect(telling).toContain('[NAME_1]');
    expect(JSON.stringify(shared)).not.toMatch(/13812345678|Zhang Wei/);
    expect(shared).toMatchObject({ transcript: [], notes: [], window: null, packet: { remedies: [], offerTotal: null, attachments: [] } });

    const attempts: [string, unknown][] = [
      ['claim', {}], ['messages', { text: 'hi' }], ['notes', { text: 'hi' }], ['close', { resolution: 'explained', responsible: [{ party: 'none', share: 100 }] }],
      ['handback', {}], ['escalate', {}], ['assign', { staffId: pat.id }], ['share', { partnerId: pat.id }], ['remedies/same_again/approve', {}],
    ];
    for (const [action, body] of attempts) {
      const res = await pat.act(caseId, action, body);
      expect([action, res.status]).toEqual([action, 403]);
    }
    expect((await desk.app.parts.desk.get(caseId))?.ownerId).toBe(ann.id);
  });
});

describe('escalating and assigning', () => {
  it('climbs agent → supervisor → executive, the executive only on grounds unless critical', async () => {
    const ann = await desk.staff('ann', 'agent');
    const sue = await desk.staff('sue', 'supervisor');
    const caseId = await desk.handoff('c1', 'I want to talk to a person');
    expect((await ann.act(caseId, 'escalate')).status).toBe(403); // not hers until she claims it
    expect((await ann.act(caseId, 'claim')).status).toBe(200);

    const up = await ann.act(caseId, 'escalate');
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ ticket: { level: 'supervisor', status: 'waiting', owner: null } });
    expect((await ann.act(caseId, 'messages', { text: 'hi' })).status).toBe(404); // out of her sight now

    const groundless = await sue.act(caseId, 'escalate', {});
    expect(groundless.status).toBe(400);
    expect(await errorOf(groundless)).toMatch(/give the grounds/);
    expect((await sue.act(caseId, 'escalate', { grounds: 'traveller_insists' })).status).toBe(200);
    expect((await desk.app.parts.desk.get(caseId))?.level).toBe('executive');
    expect((await sue.act(caseId, 'escalate', { grounds: 'traveller_insists' })).status).toBe(403); // the top of the ladder

    const critical = await desk.handoff('c2', 'My father fell on the bus and is injured, we are in the hospital now');
    expect((await desk.app.parts.desk.get(critical))).toMatchObject({ severity: 'critical', level: 'supervisor' });
    expect((await sue.act(critical, 'escalate', {})).status).toBe(200);

    const audit = (await desk.app.parts.audit.entries({ target: caseId })).filter((e) => e.action === 'conversation.escalate');
    expect(audit.map((e) => [e.actor, e.details])).toEqual([[sue.id, { level: 'executive', grounds: 'traveller_insists' }], [ann.id, { level: 'supervisor', grounds: null }]]);
  });

  it('lets a supervisor give a claimed ticket to another agent, who is introduced to the traveller', async () => {
    const ann = await desk.staff('ann', 'agent');
    const bob = await desk.staff('bob', 'agent');
    const sue = await desk.staff('sue', 'supervisor');
    const caseId = await desk.handoff('c1', 'I want to talk to a person');
    expect((await ann.act(caseId, 'claim')).status).toBe(200);
    expect((await ann.act(caseId, 'assign', { staffId: bob.id })).status).toBe(403);
    expect((await sue.act(caseId, 'assign', { staffId: 'no-such-person' })).status).toBe(400);

    const before = desk.sent.length;
    const assigned = await sue.act(caseId, 'assign', { staffId: bob.id });
    expect(assigned.status).toBe(200);
    expect(await assigned.json()).toMatchObject({ ticket: { status: 'claimed', owner: { id: bob.id, displayName: 'Bob' } } });
    expect(desk.sentTo('c1', before).map((m) => m.text)).toEqual([joined('en', 'colleague', 'Bob')]);
    expect((await ann.act(caseId, 'messages', { text: 'still me' })).status).toBe(409);
    expect((await bob.act(caseId, 'messages', { text: 'Bob here' })).status).toBe(200);
  });

  it('introduces legal’s handlers to a traveller threatening a lawyer as complaint officers', async () => {
    const sue = await desk.staff('sue', 'supervisor', ['legal']);
    const caseId = await desk.handoff('c1', '我要找律师起诉你们');
    const before = desk.sent.length;
    expect((await sue.act(caseId, 'claim')).status).toBe(200);
    expect(desk.sentTo('c1', before).map((m) => m.text)).toEqual([joined('zh-CN', 'complaint_officer', 'Sue')]);
  });
});
