import { afterEach, describe, expect, it } from 'vitest';
import { DeskServer, EventReader } from '../support/console.ts';

let desk: DeskServer;
afterEach(() => desk.close());

describe('the live feed of a partner', () => {
  it('names only the cases shared with that partner, while agency staff hear of every case', async () => {
    desk = await DeskServer.start();
    const ann = await desk.staff('ann', 'agent');
    const pat = await desk.staff('pat', 'partner');
    const pia = await desk.staff('pia', 'partner');
    const patEvents = await EventReader.open(pat);
    const annEvents = await EventReader.open(ann);

    const own = await desk.handoff('c1', '我要找人工客服');
    const others = await desk.handoff('c2', 'I want to talk to a person');
    const unshared = await desk.handoff('c3', '我要搵真人');
    for (const caseId of [own, others]) expect((await ann.act(caseId, 'claim')).status).toBe(200);
    expect((await ann.act(others, 'share', { partnerId: pia.id })).status).toBe(200);
    expect((await ann.act(own, 'share', { partnerId: pat.id })).status).toBe(200);
    for (const conversationId of ['c2', 'c3', 'c1']) await desk.say('还在等吗？', conversationId);

    // Events go out in order, so once the last one about its own case has come, nothing else is on its way.
    await patEvents.until({ kind: 'message', caseId: own });
    await annEvents.until({ kind: 'message', caseId: own });
    expect(patEvents.events).toEqual([{ kind: 'ticket', caseId: own, change: 'shared' }, { kind: 'message', caseId: own }]);
    const annHeard = new Set(annEvents.events.map((e) => (e as { caseId: string }).caseId));
    expect(annHeard).toEqual(new Set([own, others, unshared]));
    await Promise.all([patEvents.cancel(), annEvents.cancel()]);
  });
});
