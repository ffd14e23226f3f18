import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskServer, EventReader, pageRepeatMs } from '../support/console.ts';
import { boundGuide, guideReports } from '../support/incidents.ts';

let desk: DeskServer;
afterEach(async () => desk.close());

const minutes = (n: number) => n * 60_000;
const heard = (events: EventReader, incidentId: string, change: string) =>
  events.events.filter((e) => JSON.stringify(e) === JSON.stringify({ kind: 'incident', incidentId, change })).length;

/** Moves the clock and lets the jobs that fall due run. */
async function wait(ms: number): Promise<void> {
  desk.clock.advance(ms);
  await desk.app.parts.jobs.idle();
}

describe('paging the manager on duty', () => {
  it('pages about a guide\'s critical report every 5 minutes until it is acknowledged in the console', async () => {
    desk = await DeskServer.start();
    const mia = await desk.staff('mia', 'supervisor');
    const events = await EventReader.open(mia);
    await boundGuide(desk, mia, 'g1', [{ tourCode: 'GZ-2611-A', date: '2026-11-18' }]);
    const incident = await guideReports(desk, 'g1', { type: 'accident_injury', severity: 'critical', text: 'A traveller fell down the stairs at the temple' });
    const pages = async () => (await desk.app.parts.incidents.get(incident.id))?.pages;

    expect(incident).toMatchObject({ kind: 'report', severity: 'critical', departure: { tourCode: 'GZ-2611-A', date: '2026-11-18' } });
    expect(await pages()).toBe(1); // at once
    await wait(pageRepeatMs - 1);
    expect(await pages()).toBe(1);
    await wait(1);
    expect(await pages()).toBe(2);
    await wait(pageRepeatMs);
    expect(await pages()).toBe(3);
    await vi.waitFor(() => expect(heard(events, incident.id, 'page')).toBe(3));

    const acknowledgedAt = desk.clock.now();
    const ack = await mia.post(`/api/incidents/${incident.id}/acknowledge`);
    expect(ack.status).toBe(200);
    await events.until({ kind: 'incident', incidentId: incident.id, change: 'acknowledged' });
    await wait(minutes(30));
    expect(await pages()).toBe(3);
    expect(await desk.app.parts.jobs.waiting('incident.page')).toEqual([]);
    expect(heard(events, incident.id, 'page')).toBe(3);
    expect(await desk.app.parts.incidents.get(incident.id)).toMatchObject({ acknowledgedBy: mia.id, acknowledgedAt });
    await events.cancel();
  });

  it('pages nobody about a low-severity report', async () => {
    desk = await DeskServer.start();
    const mia = await desk.staff('mia', 'supervisor');
    await boundGuide(desk, mia, 'g1', [{ tourCode: 'GZ-2611-A', date: '2026-11-18' }]);
    const incident = await guideReports(desk, 'g1', { type: 'hotel', severity: 'low', text: 'The hotel breakfast started late' });
    await wait(minutes(30));
    expect(incident).toMatchObject({ kind: 'report', severity: 'low', pages: 0 });
    expect((await desk.app.parts.incidents.get(incident.id))?.pages).toBe(0);
    expect(await desk.app.parts.jobs.waiting('incident.page')).toEqual([]);
  });
});
