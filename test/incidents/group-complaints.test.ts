import { afterEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../src/conversation/messages.ts';
import { severities } from '../../src/taxonomy.ts';
import { DeskServer, EventReader } from '../support/console.ts';
import { complainOnTour, complaints } from '../support/incidents.ts';

let desk: DeskServer;
afterEach(async () => desk.close());

const incidentEvents = (events: EventReader, change: string) =>
  events.events.filter((e) => (e as { kind: string; change: string }).kind === 'incident' && (e as { change: string }).change === change);

describe('group complaints (群体性投诉)', () => {
  it('opens one group incident when five travellers of one departure complain about the hotel on different channels, and pages once', async () => {
    desk = await DeskServer.start();
    const events = await EventReader.open(await desk.staff('mia', 'supervisor'));
    const travellers: [Channel, string][] = [['wechat', 'w1'], ['telegram', 't1'], ['webchat', 'c1'], ['cli', 'k1'], ['webchat', 'c2']];
    const caseIds: string[] = [];
    for (const [channel, id] of travellers) caseIds.push(await complainOnTour(desk, channel, id, 'GZ-2611-A', channel === 'wechat' ? complaints.accommodationZh : complaints.accommodation));

    const incidents = await desk.app.parts.incidents.list();
    expect(incidents).toHaveLength(1);
    const [group] = incidents;
    expect(group).toMatchObject({ kind: 'group', category: 'accommodation', type: 'hotel', departure: { tourCode: 'GZ-2611-A' } });
    expect(severities.indexOf(group?.severity ?? 'low')).toBeGreaterThanOrEqual(severities.indexOf('high'));
    expect(group?.affected.map((a) => a.conversationKey).sort()).toEqual(travellers.map(([c, id]) => `${c}:${id}`).sort());
    expect(group?.affected.map((a) => a.caseId).sort()).toEqual([...caseIds].sort());

    expect(group?.pages).toBe(1); // one page job ran…
    expect((await desk.app.parts.jobs.waiting('incident.page')).map((j) => j.id)).toEqual([`page:${group?.id}:1`]); // …and only its repeat waits
    await events.until({ kind: 'incident', incidentId: group?.id, change: 'page' });
    expect(incidentEvents(events, 'opened')).toEqual([{ kind: 'incident', incidentId: group?.id, change: 'opened' }]);
    await events.cancel();
  });

  it('opens nothing for two travellers', async () => {
    desk = await DeskServer.start();
    await complainOnTour(desk, 'telegram', 't1', 'GZ-2611-A');
    await complainOnTour(desk, 'webchat', 'c1', 'GZ-2611-A');
    expect(await desk.app.parts.incidents.list()).toEqual([]);
    expect(await desk.app.parts.jobs.waiting('incident.page')).toEqual([]);
  });

  it('opens a separate incident for three travellers of another tour', async () => {
    desk = await DeskServer.start();
    for (const id of ['a1', 'a2', 'a3']) await complainOnTour(desk, 'webchat', id, 'GZ-2611-A');
    for (const id of ['b1', 'b2', 'b3']) await complainOnTour(desk, 'telegram', id, 'gz-2612-b'); // however it was typed

    const incidents = await desk.app.parts.incidents.list();
    expect(incidents.map((i) => i.departure?.tourCode).sort()).toEqual(['GZ-2611-A', 'GZ-2612-B']);
    const other = incidents.find((i) => i.departure?.tourCode === 'GZ-2612-B');
    expect(other?.affected.map((a) => a.conversationKey).sort()).toEqual(['telegram:b1', 'telegram:b2', 'telegram:b3']);
  });

  it('does not combine complaints about different things on one tour', async () => {
    desk = await DeskServer.start();
    await complainOnTour(desk, 'webchat', 'c1', 'GZ-2611-A');
    await complainOnTour(desk, 'webchat', 'c2', 'GZ-2611-A');
    await complainOnTour(desk, 'telegram', 't1', 'GZ-2611-A', complaints.guide);
    await complainOnTour(desk, 'telegram', 't2', 'GZ-2611-A', complaints.guide);
    const categories = (await desk.app.parts.register.casesForTour('GZ-2611-A', new Date(0))).map((c) => c.category).sort();
    expect(categories).toEqual(['accommodation', 'accommodation', 'guide', 'guide']);
    expect(await desk.app.parts.incidents.list()).toEqual([]);
  });

  it('does not combine complaints spread beyond the 24-hour window', async () => {
    desk = await DeskServer.start();
    for (const id of ['c1', 'c2', 'c3']) {
      await complainOnTour(desk, 'webchat', id, 'GZ-2611-A');
      desk.clock.advance(25 * 3_600_000);
    }
    expect(await desk.app.parts.incidents.list()).toEqual([]);
  });
});
