import { beforeEach, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/clock/manual-clock.ts';
import type { CaseDraft, CaseRegister } from '../../src/ports/case-register.ts';

const draft = (over: Partial<CaseDraft> = {}): CaseDraft => ({
  conversationKey: `telegram:${Math.random()}`, channel: 'telegram', category: 'accommodation', also: ['meals'],
  problems: ['room_dirty'], severity: 'medium', flags: ['wants_compensation'], status: 'open',
  steps: ['listen', 'restate'], facts: { tour: 'GZ-1', people: 2 }, outcome: null, ...over,
});

/** What every case register must do, whatever it stores in. `clock` is the register's own: cases are opened at its time. */
export function caseRegisterContract(name: string, make: () => Promise<CaseRegister>, clock: ManualClock): void {
  describe(`CaseRegister: ${name}`, () => {
    let register: CaseRegister;
    beforeEach(async () => {
      register = await make();
    });

    it('opens a case with a short quotable number and reads it back', async () => {
      const opened = await register.open(`idem-${Math.random()}`, draft());
      expect(opened.id).toMatch(/^TC-[2-9A-HJKMNP-TV-Z]{6}$/);
      expect(await register.get(opened.id)).toEqual(opened);
      expect(opened.createdAt).toBeInstanceOf(Date);
    });

    it('returns the same case when opened twice under one idempotency key', async () => {
      const key = `idem-${Math.random()}`;
      const first = await register.open(key, draft());
      const again = await register.open(key, draft({ status: 'handed_off' }));
      expect(again.id).toBe(first.id);
      expect(again.status).toBe('handed_off');
    });

    it('updates only what the patch names', async () => {
      const opened = await register.open(`idem-${Math.random()}`, draft());
      const updated = await register.update(opened.id, { status: 'resolved', outcome: { accepted: 'x' } });
      expect(updated).toMatchObject({ status: 'resolved', outcome: { accepted: 'x' }, category: 'accommodation', facts: { tour: 'GZ-1' } });
      await expect(register.update('TC-NOPE00', { status: 'resolved' })).rejects.toThrow();
    });

    it('is unknown for a case that does not exist', async () => {
      expect(await register.get('TC-ZZZZZZ')).toBeUndefined();
    });

    it('keeps the transcript of a conversation in order', async () => {
      const conversationKey = `wechat:${Math.random()}`;
      const at = new Date('2026-11-21T00:00:00Z');
      await register.appendTranscript([{ id: `${conversationKey}:1`, conversationKey, from: 'traveller', text: '房间很脏', at }]);
      await register.appendTranscript([
        { id: `${conversationKey}:2`, conversationKey, from: 'bot', text: '请问是哪个团？', step: 'listen', at },
        { id: `${conversationKey}:3`, conversationKey, from: 'bot', text: '什么时候？', step: 'listen', at },
      ]);
      await register.appendTranscript([{ id: `${conversationKey}:1`, conversationKey, from: 'traveller', text: '房间很脏', at }]); // a redone turn
      await register.appendTranscript([]);
      const entries = await register.transcript(conversationKey);
      expect(entries.map((e) => [e.from, e.text])).toEqual([['traveller', '房间很脏'], ['bot', '请问是哪个团？'], ['bot', '什么时候？']]);
      expect(entries[1]?.step).toBe('listen');
      expect(await register.transcript('wechat:none')).toEqual([]);
    });

    it('finds the cases of a tour, whatever case and spaces its code was written in, since a time, oldest first', async () => {
      // A code of its own: the SQL registers keep the cases of other tests.
      const tour = `GZ-${Math.random().toString(36).slice(2, 8)}`;
      const first = await register.open(`idem-${Math.random()}`, draft({ facts: { tour: `  ${tour.toLowerCase()} ` } }));
      clock.advance(1_000);
      const second = await register.open(`idem-${Math.random()}`, draft({ facts: { tour: tour.toUpperCase() } }));
      await register.open(`idem-${Math.random()}`, draft({ facts: { tour: `${tour}-2` } }));
      await register.open(`idem-${Math.random()}`, draft({ facts: { people: 3 } }));
      clock.advance(1_000);
      const third = await register.open(`idem-${Math.random()}`, draft({ facts: { tour } }));
      expect(await register.casesForTour(` ${tour.toLowerCase()}`, first.createdAt)).toEqual([first, second, third]);
      expect(await register.casesForTour(tour, new Date(first.createdAt.getTime() + 1))).toEqual([second, third]);
      expect(await register.casesForTour(tour, new Date(third.createdAt.getTime() + 1))).toEqual([]);
      expect(await register.casesForTour('GZ-NONE', first.createdAt)).toEqual([]);
      // A case updated later is found by when it was opened, as it now stands.
      const updated = await register.update(first.id, { status: 'resolved' });
      expect((await register.casesForTour(tour, first.createdAt))[0]).toEqual(updated);
    });

    it("finds a conversation's latest case, and no other conversation's", async () => {
      const key = `tg:latest-${Math.random()}`;
      expect(await register.latestCase(key)).toBeUndefined();
      const first = await register.open(`idem-${Math.random()}`, draft({ conversationKey: key }));
      clock.advance(1_000);
      const second = await register.open(`idem-${Math.random()}`, draft({ conversationKey: key }));
      await register.open(`idem-${Math.random()}`, draft({ conversationKey: `${key}-other` }));
      expect(await register.latestCase(key)).toEqual(second);
      expect(first.id).not.toBe(second.id);
    });

    it('finds the cases opened in a period, oldest first, the end left out', async () => {
      // A year past every other test's cases: the SQL stores keep their cases across tests.
      clock.advance(366 * 86_400_000);
      const before = await register.open(`report-${Math.random()}`, draft());
      clock.advance(60_000);
      const first = await register.open(`report-${Math.random()}`, draft());
      clock.advance(60_000);
      const second = await register.open(`report-${Math.random()}`, draft());
      expect(await register.casesOpened(first.createdAt, new Date(second.createdAt.getTime() + 1))).toEqual([first, second]);
      expect(await register.casesOpened(before.createdAt, second.createdAt)).toEqual([before, first]);
      expect(await register.casesOpened(new Date(second.createdAt.getTime() + 1), new Date(second.createdAt.getTime() + 86_400_000))).toEqual([]);
    });
  });
}
