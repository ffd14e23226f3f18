import { afterEach, describe, expect, it } from 'vitest';
import type { DepartureView, GuideView, IncidentView } from '../../src/incidents/views.ts';
import { DeskServer } from '../support/console.ts';
import { boundGuide, complainOnTour, guideReports } from '../support/incidents.ts';

let desk: DeskServer;
afterEach(async () => desk.close());

const departure = { tourCode: 'GZ-2611-A', date: '2026-11-18' };

describe('guides in the console', () => {
  it('lets a supervisor register a guide and issue a code that binds the guide\'s Telegram account, never recording the code', async () => {
    desk = await DeskServer.start();
    const mia = await desk.staff('mia', 'supervisor');
    const { id, code } = await boundGuide(desk, mia, 'g1', [departure]);

    expect(await desk.app.parts.guides.guideFor({ channel: 'telegram', senderId: 'u-g1' })).toMatchObject({ id, name: 'Li Wei', departures: [departure] });
    const listed = await mia.get('/api/guides');
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { guides: GuideView[] }).guides).toEqual([
      { id, name: 'Li Wei', phone: '+86 138 0000 0000', departures: [departure], createdAt: desk.clock.now().toISOString() },
    ]);
    const audit = await desk.app.parts.audit.entries();
    expect(audit.filter((e) => e.target === id).map((e) => e.action).sort()).toEqual(['guide.add', 'guide.code']);
    expect(JSON.stringify(audit)).not.toContain(code);
  });

  it('adds departures to a guide, and answers 404 for an unknown one', async () => {
    desk = await DeskServer.start();
    const mia = await desk.staff('mia', 'supervisor');
    const { id } = await boundGuide(desk, mia, 'g1', [departure]);
    const next = { tourCode: 'GZ-2612-B', date: '2026-11-25' };
    const res = await mia.post(`/api/guides/${id}/departures`, { departures: [next] });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { guide: GuideView }).guide.departures).toEqual([departure, next]);
    expect((await mia.post('/api/guides/no-such-guide/code')).status).toBe(404);
  });

  it('keeps guides from agents', async () => {
    desk = await DeskServer.start();
    const ann = await desk.staff('ann', 'agent');
    expect((await ann.get('/api/guides')).status).toBe(403);
    expect((await ann.post('/api/guides', { name: 'Li Wei', phone: '+86 138 0000 0000' })).status).toBe(403);
    expect(await desk.app.parts.guides.list()).toEqual([]);
  });
});

describe('a departure in the console', () => {
  it('shows a departure\'s incidents and complaints together, with its roster size', async () => {
    desk = await DeskServer.start();
    const mia = await desk.staff('mia', 'supervisor');
    await boundGuide(desk, mia, 'g1', [departure]);
    const report = await guideReports(desk, 'g1', { type: 'transport', severity: 'medium', text: 'Our coach broke down on the expressway' });
    const first = await complainOnTour(desk, 'webchat', 'c1', 'GZ-2611-A');
    desk.clock.advance(60_000);
    const second = await complainOnTour(desk, 'telegram', 't1', 'gz-2611-a');
    await complainOnTour(desk, 'webchat', 'c9', 'SH-2611-C'); // another tour
    const roster = [{ ref: 'B-001', name: 'Anna Smith' }, { ref: 'B-002', name: 'Wang Fang' }];
    expect((await mia.post(`/api/departures/${departure.tourCode}/${departure.date}/travellers`, { travellers: roster })).status).toBe(200);

    const res = await mia.get(`/api/departures/gz-2611-a?date=${departure.date}`);
    expect(res.status).toBe(200);
    const view = (await res.json()) as DepartureView;
    expect(view.departure).toEqual(departure);
    expect(view.incidents.map((i) => [i.id, i.kind, i.reportedBy?.name])).toEqual([[report.id, 'report', 'Li Wei']]);
    expect(view.complaints.map((c) => [c.caseId, c.category, c.channel])).toEqual([[second, 'accommodation', 'telegram'], [first, 'accommodation', 'webchat']]);
    expect(view.travellers).toBe(2);
  });
});

describe('incident API input and permissions', () => {
  it('answers 404 for an unknown incident or a malformed tour code, 400 for malformed JSON, 403 without the CSRF token', async () => {
    desk = await DeskServer.start();
    const mia = await desk.staff('mia', 'supervisor');
    await boundGuide(desk, mia, 'g1', [departure]);
    const incident = await guideReports(desk, 'g1', { type: 'hotel', severity: 'high', text: 'The hotel gave away half of our rooms' });

    expect((await mia.get('/api/incidents/IN-ZZZZZZ')).status).toBe(404);
    expect((await mia.post('/api/incidents/IN-ZZZZZZ/acknowledge')).status).toBe(404);
    expect((await mia.get('/api/incidents/not-an-id')).status).toBe(404);
    expect((await mia.post(`/api/incidents/${incident.id}/no-such-action`)).status).toBe(404);
    expect((await mia.get('/api/departures/GZ%202611!?date=2026-11-18')).status).toBe(404);
    expect((await mia.get('/api/departures/GZ-2611-A?date=18.11.2026')).status).toBe(404);
    expect((await mia.post('/api/departures/GZ%202611!/2026-11-18/travellers', { travellers: [{ ref: 'B-1', name: 'A' }] })).status).toBe(404);

    const malformed = await mia.post(`/api/incidents/${incident.id}/outreach`, undefined, {}, '{"amount": 1');
    expect(malformed.status).toBe(400);
    const negative = await mia.post(`/api/incidents/${incident.id}/outreach`, { amount: -5 });
    expect(negative.status).toBe(400);
    expect(((await negative.json()) as { error: string }).error).toMatch(/amount/);
    expect((await mia.post(`/api/incidents/${incident.id}/acknowledge`, {}, { 'x-csrf-token': '' })).status).toBe(403);

    expect(await desk.app.parts.incidents.get(incident.id)).toMatchObject({ acknowledgedAt: null });
    expect(await desk.app.parts.ledger.entries(incident.id)).toEqual([]);
    const shown = await mia.get(`/api/incidents/${incident.id}`);
    expect(((await shown.json()) as IncidentView)).toMatchObject({ id: incident.id, kind: 'report', acknowledgedAt: null, checklist: [] });
  });

  it('keeps incidents, departures and rosters from partners', async () => {
    desk = await DeskServer.start();
    const mia = await desk.staff('mia', 'supervisor');
    await boundGuide(desk, mia, 'g1', [departure]);
    const incident = await guideReports(desk, 'g1', { type: 'hotel', severity: 'high', text: 'The hotel gave away half of our rooms' });
    const pat = await desk.staff('pat', 'partner');

    for (const path of ['/api/incidents', `/api/incidents/${incident.id}`, `/api/departures/GZ-2611-A?date=${departure.date}`]) {
      expect((await pat.get(path)).status, path).toBe(403);
    }
    expect((await pat.post(`/api/incidents/${incident.id}/acknowledge`)).status).toBe(403);
    expect((await pat.post(`/api/incidents/${incident.id}/outreach`, { amount: 10 })).status).toBe(403);
    expect((await pat.post(`/api/departures/GZ-2611-A/${departure.date}/travellers`, { travellers: [{ ref: 'B-1', name: 'A' }] })).status).toBe(403);
    expect(await desk.app.parts.incidents.get(incident.id)).toMatchObject({ acknowledgedAt: null });
  });
});
