import { beforeEach, describe, expect, it } from 'vitest';
import type { ChatAccount, GuideRegistry, NewGuide } from '../../src/ports/guide-registry.ts';

const at = new Date('2026-11-21T08:00:00.123Z');
const later = (ms: number) => new Date(at.getTime() + ms);
const guide = (over: Partial<NewGuide> = {}): NewGuide => ({
  name: 'Wang Lei', phone: '+86 138 0000 0000', departures: [{ tourCode: 'GZ-7X', date: '2026-12-01' }], ...over,
});
const telegram: ChatAccount = { channel: 'telegram', senderId: 'tg-42' };
const wechat: ChatAccount = { channel: 'wechat', senderId: 'tg-42' };

/** What every guide registry must do, whatever it stores in. `make` gives an empty registry. */
export function guideRegistryContract(name: string, make: () => Promise<GuideRegistry>): void {
  describe(`GuideRegistry: ${name}`, () => {
    let guides: GuideRegistry;
    beforeEach(async () => {
      guides = await make();
    });

    it('adds a guide and gets it back, its departures each once in date order', async () => {
      const added = await guides.add(guide({
        departures: [{ tourCode: 'XA-2', date: '2026-12-05' }, { tourCode: 'GZ-7X', date: '2026-12-01' }, { tourCode: 'XA-2', date: '2026-12-05' }, { tourCode: 'BJ-1', date: '2026-12-05' }],
      }), at);
      expect(added).toEqual({
        id: expect.any(String), name: 'Wang Lei', phone: '+86 138 0000 0000', createdAt: at,
        departures: [{ tourCode: 'GZ-7X', date: '2026-12-01' }, { tourCode: 'BJ-1', date: '2026-12-05' }, { tourCode: 'XA-2', date: '2026-12-05' }],
      });
      expect(await guides.get(added.id)).toEqual(added);
      // What it returns is a copy: changing it changes nothing stored.
      added.departures.push({ tourCode: 'XX', date: '2027-01-01' });
      added.createdAt.setTime(0);
      expect((await guides.get(added.id))?.departures).toHaveLength(3);
      expect((await guides.get(added.id))?.createdAt).toEqual(at);
    });

    it('lists guides by name', async () => {
      const zhao = await guides.add(guide({ name: 'Zhao Min', departures: [] }), at);
      const li = await guides.add(guide({ name: 'Li Na' }), later(1));
      expect(await guides.list()).toEqual([li, zhao]);
    });

    it('adds departures each once, keeping date order; concurrent additions all stay', async () => {
      const added = await guides.add(guide(), at);
      const more = await guides.addDepartures(added.id, [{ tourCode: 'GZ-7X', date: '2026-12-01' }, { tourCode: 'SH-3', date: '2026-11-28' }]);
      expect(more?.departures).toEqual([{ tourCode: 'SH-3', date: '2026-11-28' }, { tourCode: 'GZ-7X', date: '2026-12-01' }]);
      await Promise.all(Array.from({ length: 5 }, (_, i) => guides.addDepartures(added.id, [{ tourCode: `T-${i}`, date: '2027-01-01' }])));
      expect((await guides.get(added.id))?.departures.map((d) => d.tourCode)).toEqual(['SH-3', 'GZ-7X', 'T-0', 'T-1', 'T-2', 'T-3', 'T-4']);
      expect(await guides.addDepartures(added.id, [])).toEqual(await guides.get(added.id));
    });

    it('binds a chat account with a valid code, once', async () => {
      const added = await guides.add(guide(), at);
      expect(await guides.guideFor(telegram)).toBeUndefined();
      await guides.issueCode(added.id, 'hash-1', later(600_000));
      expect(await guides.redeemCode('hash-1', telegram, later(1_000))).toEqual(added);
      expect(await guides.guideFor(telegram)).toEqual(added);
      // The same sender id on another channel is another account.
      expect(await guides.guideFor(wechat)).toBeUndefined();
      expect(await guides.redeemCode('hash-1', wechat, later(2_000))).toBeUndefined();
      expect(await guides.guideFor(wechat)).toBeUndefined();
    });

    it('refuses an unknown or expired code', async () => {
      const added = await guides.add(guide(), at);
      expect(await guides.redeemCode('hash-none', telegram, at)).toBeUndefined();
      await guides.issueCode(added.id, 'hash-1', later(600_000));
      expect(await guides.redeemCode('hash-1', telegram, later(600_000))).toBeUndefined(); // valid until, not at
      expect(await guides.guideFor(telegram)).toBeUndefined();
    });

    it('stops a guide’s earlier unused codes when a new one is issued, not another guide’s', async () => {
      const wang = await guides.add(guide(), at);
      const li = await guides.add(guide({ name: 'Li Na' }), at);
      await guides.issueCode(wang.id, 'hash-old', later(600_000));
      await guides.issueCode(li.id, 'hash-li', later(600_000));
      await guides.issueCode(wang.id, 'hash-new', later(600_000));
      expect(await guides.redeemCode('hash-old', telegram, later(1_000))).toBeUndefined();
      expect(await guides.redeemCode('hash-new', telegram, later(1_000))).toEqual(wang);
      expect(await guides.redeemCode('hash-li', wechat, later(1_000))).toEqual(li);
    });

    it('gives a code redeemed by 10 accounts at once to exactly one of them', async () => {
      const added = await guides.add(guide(), at);
      await guides.issueCode(added.id, 'hash-1', later(600_000));
      const accounts: ChatAccount[] = Array.from({ length: 10 }, (_, i) => ({ channel: 'telegram', senderId: `tg-${i}` }));
      const results = await Promise.all(accounts.map((a) => guides.redeemCode('hash-1', a, later(1_000))));
      expect(results.filter((r) => r !== undefined)).toEqual([added]);
      const bound = await Promise.all(accounts.map((a) => guides.guideFor(a)));
      expect(bound.filter((g) => g !== undefined)).toEqual([added]);
    });

    it('rebinds an account to the guide of the code it redeems next', async () => {
      const wang = await guides.add(guide(), at);
      const li = await guides.add(guide({ name: 'Li Na' }), at);
      await guides.issueCode(wang.id, 'hash-wang', later(600_000));
      await guides.issueCode(li.id, 'hash-li', later(600_000));
      await guides.redeemCode('hash-wang', telegram, later(1_000));
      expect(await guides.redeemCode('hash-li', telegram, later(2_000))).toEqual(li);
      expect(await guides.guideFor(telegram)).toEqual(li);
    });

    it('answers for a guide that does not exist without inventing one', async () => {
      expect(await guides.get('no-such-guide')).toBeUndefined();
      expect(await guides.addDepartures('no-such-guide', [{ tourCode: 'GZ-7X', date: '2026-12-01' }])).toBeUndefined();
      await expect(guides.issueCode('no-such-guide', 'hash-x', later(600_000))).rejects.toThrow('no guide no-such-guide');
      expect(await guides.redeemCode('hash-x', telegram, at)).toBeUndefined();
      expect(await guides.list()).toEqual([]);
    });
  });
}
