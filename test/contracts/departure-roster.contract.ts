import { beforeEach, describe, expect, it } from 'vitest';
import type { DepartureRoster, RosterTraveller } from '../../src/ports/departure-roster.ts';

const gz = { tourCode: 'GZ-7X', date: '2026-12-01' };
const traveller = (ref: string, over: Partial<RosterTraveller> = {}): RosterTraveller => ({
  ref, name: `Traveller ${ref}`, locale: 'zh-CN', channel: null, conversationId: null, ...over,
});

/** What every departure roster must do, whatever it stores in. `make` gives an empty roster. */
export function departureRosterContract(name: string, make: () => Promise<DepartureRoster>): void {
  describe(`DepartureRoster: ${name}`, () => {
    let roster: DepartureRoster;
    beforeEach(async () => {
      roster = await make();
    });

    it('keeps the travellers of a departure by ref', async () => {
      await roster.put(gz, [traveller('B-2'), traveller('A-1', { locale: null, channel: 'wechat', conversationId: 'wx-1' })]);
      await roster.put({ ...gz, date: '2026-12-08' }, [traveller('C-3')]);
      expect(await roster.travellers(gz)).toEqual([traveller('A-1', { locale: null, channel: 'wechat', conversationId: 'wx-1' }), traveller('B-2')]);
      expect(await roster.travellers({ ...gz, date: '2026-12-08' })).toEqual([traveller('C-3')]);
      expect(await roster.travellers({ tourCode: 'XA-2', date: '2026-12-01' })).toEqual([]);
      await roster.put(gz, []);
      expect(await roster.travellers(gz)).toHaveLength(2);
    });

    it('updates by ref; what a new entry does not know keeps what was known', async () => {
      await roster.put(gz, [traveller('A-1', { channel: 'telegram', conversationId: 'tg-1' }), traveller('B-2')]);
      await roster.put(gz, [traveller('A-1', { name: 'Renamed', locale: null }), traveller('B-2', { locale: 'en', channel: 'webchat', conversationId: 'wc-2' })]);
      expect(await roster.travellers(gz)).toEqual([
        traveller('A-1', { name: 'Renamed', channel: 'telegram', conversationId: 'tg-1' }),
        traveller('B-2', { locale: 'en', channel: 'webchat', conversationId: 'wc-2' }),
      ]);
      // A ref listed twice in one put counts as its last entry.
      await roster.put(gz, [traveller('D-4', { name: 'first' }), traveller('D-4', { name: 'last' })]);
      expect((await roster.travellers(gz)).find((t) => t.ref === 'D-4')?.name).toBe('last');
    });

    it('finds the departures of a chat identity, latest first, each once', async () => {
      const me = { channel: 'telegram', conversationId: 'tg-1' } as const;
      await roster.put({ tourCode: 'GZ-7X', date: '2026-12-01' }, [traveller('A-1', me), traveller('A-2', me)]);
      await roster.put({ tourCode: 'XA-2', date: '2027-03-01' }, [traveller('X-9', me)]);
      await roster.put({ tourCode: 'BJ-1', date: '2027-03-01' }, [traveller('B-1', me)]);
      await roster.put({ tourCode: 'SH-3', date: '2027-05-01' }, [traveller('S-1', { channel: 'wechat', conversationId: 'tg-1' }), traveller('S-2')]);
      expect(await roster.departuresOf('telegram', 'tg-1')).toEqual([
        { tourCode: 'BJ-1', date: '2027-03-01' }, { tourCode: 'XA-2', date: '2027-03-01' }, { tourCode: 'GZ-7X', date: '2026-12-01' },
      ]);
      expect(await roster.departuresOf('wechat', 'tg-1')).toEqual([{ tourCode: 'SH-3', date: '2027-05-01' }]);
      expect(await roster.departuresOf('telegram', 'nobody')).toEqual([]);
    });

    it('keeps each trip\'s return date, and finds the trips returning from a day on', async () => {
      const xa = { tourCode: 'XA-2', date: '2026-12-03' };
      await roster.putTrip({ departure: gz, returnDate: '2026-12-08' }, [traveller('A-1', { channel: 'wechat', conversationId: 'wx-1' })]);
      await roster.putTrip({ departure: xa, returnDate: '2026-12-07' }, [traveller('X-1')]);
      await roster.putTrip({ departure: { tourCode: 'BJ-1', date: '2026-12-01' }, returnDate: '2026-12-08' }, []);
      await roster.putTrip({ departure: { tourCode: 'OLD-1', date: '2026-11-01' }, returnDate: '2026-11-06' }, []);
      expect(await roster.returningFrom('2026-12-07')).toEqual([
        { departure: xa, returnDate: '2026-12-07' },
        { departure: { tourCode: 'BJ-1', date: '2026-12-01' }, returnDate: '2026-12-08' },
        { departure: gz, returnDate: '2026-12-08' },
      ]);
      expect(await roster.returningFrom('2026-12-09')).toEqual([]);
      // The travellers are kept as by put; a trip sent again moves its return date and keeps one entry.
      expect(await roster.travellers(gz)).toEqual([traveller('A-1', { channel: 'wechat', conversationId: 'wx-1' })]);
      await roster.putTrip({ departure: gz, returnDate: '2026-12-10' }, [traveller('B-2')]);
      expect(await roster.returningFrom('2026-12-08')).toEqual([
        { departure: { tourCode: 'BJ-1', date: '2026-12-01' }, returnDate: '2026-12-08' },
        { departure: gz, returnDate: '2026-12-10' },
      ]);
      expect((await roster.travellers(gz)).map((t) => t.ref)).toEqual(['A-1', 'B-2']);
    });

    it('returns copies', async () => {
      await roster.put(gz, [traveller('A-1')]);
      const [read] = await roster.travellers(gz);
      read!.name = 'changed';
      expect((await roster.travellers(gz))[0]?.name).toBe('Traveller A-1');
    });
  });
}
