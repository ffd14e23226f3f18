import { beforeEach, describe, expect, it } from 'vitest';
import type { AffectedTraveller, IncidentDraft, IncidentRegister } from '../../src/ports/incident-register.ts';

const at = new Date('2026-11-21T08:00:00.123Z');
const later = (ms: number) => new Date(at.getTime() + ms);
const report = (over: Partial<IncidentDraft> = {}): IncidentDraft => ({
  kind: 'report', departure: { tourCode: 'GZ-7X', date: '2026-12-01' }, type: 'transport', category: null, severity: 'high',
  location: '23.1291,113.2644', description: '大巴在高速上抛锚', attachments: [{ kind: 'image', ref: 'tg-file-1', mimeType: 'image/jpeg' }],
  reportedBy: 'guide-wang', ...over,
});
const group = (over: Partial<IncidentDraft> = {}): IncidentDraft => report({
  kind: 'group', type: 'hotel', category: 'accommodation', location: null, description: 'Several travellers: rooms dirty', attachments: [], reportedBy: null, ...over,
});
const traveller = (n: number, caseId: string | null = null): AffectedTraveller => ({ conversationKey: `telegram:t${n}`, channel: 'telegram', caseId });
const groupKey = 'GZ-7X|2026-12-01|accommodation';

/** What every incident register must do, whatever it stores in. `make` gives an empty register. */
export function incidentRegisterContract(name: string, make: () => Promise<IncidentRegister>): void {
  describe(`IncidentRegister: ${name}`, () => {
    let incidents: IncidentRegister;
    beforeEach(async () => {
      incidents = await make();
    });

    it('opens an incident with a short number and gets it back with its times to the millisecond', async () => {
      const opened = await incidents.open('turn-1', report(), at);
      expect(opened).toEqual({
        ...report(), id: expect.stringMatching(/^IN-[2-9A-HJKMNP-TV-Z]{6}$/), affected: [], createdAt: at, acknowledgedAt: null, acknowledgedBy: null, pages: 0,
      });
      expect(await incidents.get(opened.id)).toEqual(opened);
      const bare = await incidents.open('turn-2', report({ departure: null, category: 'transport', location: null, attachments: [] }), at);
      expect(await incidents.get(bare.id)).toMatchObject({ departure: null, category: 'transport', location: null, attachments: [] });
      // What it returns is a copy: changing it changes nothing stored.
      opened.attachments.push({ kind: 'file', ref: 'x' });
      opened.createdAt.setTime(0);
      expect(await incidents.get(opened.id)).toEqual({ ...opened, attachments: report().attachments, createdAt: at });
    });

    it('opens once per idempotency key: a redone turn gets the incident as it stands', async () => {
      const first = await incidents.open('turn-1', report(), at);
      await incidents.recordPage(first.id);
      const again = await incidents.open('turn-1', report({ description: 'retold' }), later(5_000));
      expect(again).toEqual({ ...first, pages: 1 });
      const both = await Promise.all(Array.from({ length: 5 }, () => incidents.open('turn-2', report(), at)));
      expect(new Set(both.map((i) => i.id)).size).toBe(1);
      expect(await incidents.list()).toHaveLength(2);
    });

    it('makes one group incident per key; later complainants join it, each conversation once', async () => {
      const made = await incidents.joinGroup(groupKey, group(), [traveller(1, 'TC-AAAAAA')], at);
      expect(made).toEqual({ created: true, incident: expect.objectContaining({ kind: 'group', category: 'accommodation', affected: [traveller(1, 'TC-AAAAAA')] }) });
      const joined = await incidents.joinGroup(groupKey, group({ severity: 'critical' }), [traveller(2, 'TC-BBBBBB'), traveller(1), traveller(2)], later(1_000));
      expect(joined.created).toBe(false);
      expect(joined.incident).toEqual({ ...made.incident, affected: [traveller(1, 'TC-AAAAAA'), traveller(2, 'TC-BBBBBB')] });
      expect(await incidents.get(made.incident.id)).toEqual(joined.incident);
      const other = await incidents.joinGroup('GZ-7X|2026-12-01|meals', group({ category: 'meals' }), [traveller(1)], later(2_000));
      expect(other.created).toBe(true);
      expect(other.incident.id).not.toBe(made.incident.id);
    });

    it('makes one group incident of 10 concurrent joins, with all 10 travellers', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => incidents.joinGroup(groupKey, group(), [traveller(i)], at)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.incident.id)).size).toBe(1);
      const incident = await incidents.get(results[0]!.incident.id);
      expect(incident?.affected.map((a) => a.conversationKey).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `telegram:t${i}`).sort());
      expect(await incidents.list()).toHaveLength(1);
    });

    it('adds travellers reached out to, each conversation once, in the order added', async () => {
      const opened = await incidents.open('turn-1', report(), at);
      expect((await incidents.addAffected(opened.id, [traveller(3), traveller(1)]))?.affected).toEqual([traveller(3), traveller(1)]);
      expect((await incidents.addAffected(opened.id, [traveller(1, 'TC-AAAAAA'), traveller(2)]))?.affected).toEqual([traveller(3), traveller(1), traveller(2)]);
      await Promise.all(Array.from({ length: 5 }, (_, i) => incidents.addAffected(opened.id, [traveller(10 + i), traveller(1)])));
      expect((await incidents.get(opened.id))?.affected).toHaveLength(8);
      expect(await incidents.addAffected(opened.id, [])).toEqual(await incidents.get(opened.id));
    });

    it('lists newest first, by tour code, date and whether acknowledged, at most `limit`', async () => {
      const a = await incidents.open('a', report(), at);
      const b = await incidents.open('b', report({ departure: { tourCode: 'GZ-7X', date: '2026-12-08' } }), later(1_000));
      const c = await incidents.open('c', report({ departure: { tourCode: 'XA-2', date: '2026-12-01' } }), later(2_000));
      const d = await incidents.open('d', report({ departure: null }), later(3_000));
      await incidents.acknowledge(b.id, 'staff-mei', later(4_000));
      const ids = async (filter?: Parameters<IncidentRegister['list']>[0]) => (await incidents.list(filter)).map((i) => i.id);
      expect(await ids()).toEqual([d.id, c.id, b.id, a.id]);
      expect(await ids({ tourCode: 'GZ-7X' })).toEqual([b.id, a.id]);
      expect(await ids({ tourCode: 'GZ-7X', date: '2026-12-01' })).toEqual([a.id]);
      expect(await ids({ date: '2026-12-01' })).toEqual([c.id, a.id]);
      expect(await ids({ unacknowledged: true })).toEqual([d.id, c.id, a.id]);
      expect(await ids({ unacknowledged: false })).toEqual([d.id, c.id, b.id, a.id]);
      expect(await ids({ tourCode: 'GZ-7X', unacknowledged: true, limit: 5 })).toEqual([a.id]);
      expect(await ids({ limit: 2 })).toEqual([d.id, c.id]);
      expect(await ids({ tourCode: 'NOWHERE' })).toEqual([]);
      expect(await incidents.list()).toContainEqual(await incidents.get(b.id));
    });

    it('lists 100 by default', async () => {
      await Promise.all(Array.from({ length: 101 }, (_, i) => incidents.open(`k${i}`, report(), later(i))));
      const listed = await incidents.list();
      expect(listed).toHaveLength(100);
      expect(listed[0]?.createdAt).toEqual(later(100));
    });

    it('keeps the first acknowledgement', async () => {
      const opened = await incidents.open('turn-1', report(), at);
      const first = await incidents.acknowledge(opened.id, 'staff-mei', later(1_000));
      expect(first).toEqual({ ...opened, acknowledgedAt: later(1_000), acknowledgedBy: 'staff-mei' });
      expect(await incidents.acknowledge(opened.id, 'staff-lee', later(2_000))).toEqual(first);
      const other = await incidents.open('turn-2', report(), at);
      const all = await Promise.all(Array.from({ length: 10 }, (_, i) => incidents.acknowledge(other.id, `staff-${i}`, later(i))));
      const stored = await incidents.get(other.id);
      expect(all).toEqual(Array.from({ length: 10 }, () => stored));
    });

    it('counts pages, also when paged concurrently', async () => {
      const opened = await incidents.open('turn-1', report(), at);
      expect(await incidents.recordPage(opened.id)).toEqual({ ...opened, pages: 1 });
      const pages = await Promise.all(Array.from({ length: 10 }, () => incidents.recordPage(opened.id)));
      expect(pages.map((i) => i?.pages).sort((x = 0, y = 0) => x - y)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect((await incidents.get(opened.id))?.pages).toBe(11);
    });

    it('answers for an incident that does not exist without inventing one', async () => {
      expect(await incidents.get('IN-NONE00')).toBeUndefined();
      expect(await incidents.acknowledge('IN-NONE00', 'staff-mei', at)).toBeUndefined();
      expect(await incidents.recordPage('IN-NONE00')).toBeUndefined();
      expect(await incidents.addAffected('IN-NONE00', [traveller(1)])).toBeUndefined();
      expect(await incidents.list()).toEqual([]);
    });
  });
}
