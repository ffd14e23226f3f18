import { beforeEach, describe, expect, it } from 'vitest';
import type { EscalationDesk, NewTicket } from '../../src/ports/escalation-desk.ts';

const at = new Date('2026-11-21T08:00:00.123Z');
const later = (ms: number) => new Date(at.getTime() + ms);
const ticket = (over: Partial<NewTicket> = {}): NewTicket => ({
  caseId: 'TC-DESK01', conversationKey: 'telegram:traveller', channel: 'telegram', team: 'beijing', level: 'agent', reason: 'asked_for_person',
  severity: 'medium', category: 'accommodation', flags: ['wants_human'], openedAt: at, respondBy: later(3_600_000), resolveBy: later(86_400_000), ...over,
});

/** What every escalation desk must do, whatever it stores in. `make` gives an empty desk. */
export function escalationDeskContract(name: string, make: () => Promise<EscalationDesk>): void {
  describe(`EscalationDesk: ${name}`, () => {
    let desk: EscalationDesk;
    beforeEach(async () => {
      desk = await make();
    });

    it('opens a waiting ticket and gets it back with its times to the millisecond', async () => {
      const opened = await desk.open(ticket());
      expect(opened).toEqual({
        ...ticket(), status: 'waiting', ownerId: null, alertedAt: null, sharedWith: [], updatedAt: at,
      });
      expect(opened.openedAt).toBeInstanceOf(Date);
      expect(await desk.get('TC-DESK01')).toEqual(opened);
      const open = await desk.open(ticket({ caseId: 'TC-DESK02', respondBy: null, resolveBy: null }));
      expect(open).toMatchObject({ respondBy: null, resolveBy: null });
      // What it returns is a copy: changing it changes nothing stored.
      opened.flags.push('group');
      opened.openedAt.setTime(0);
      expect(await desk.get('TC-DESK01')).toEqual(await desk.open(ticket({ openedAt: at })));
    });

    it('opens again idempotently: keeps owner and opening time, raises severity and level, takes the newer rest', async () => {
      await desk.open(ticket({ severity: 'high', level: 'supervisor' }));
      await desk.claim('TC-DESK01', 'staff-mei', later(1_000));
      await desk.markAlerted('TC-DESK01', later(2_000));
      const again = await desk.open(ticket({
        severity: 'low', level: 'agent', reason: 'safety', team: 'shanghai', flags: ['threatens_external'],
        openedAt: later(5_000), respondBy: later(600_000), resolveBy: later(7_200_000),
      }));
      expect(again).toMatchObject({
        status: 'claimed', ownerId: 'staff-mei', openedAt: at, alertedAt: later(2_000), severity: 'high', level: 'supervisor',
        reason: 'safety', team: 'shanghai', flags: ['threatens_external'], respondBy: later(600_000), resolveBy: later(7_200_000), updatedAt: later(5_000),
      });
      const raised = await desk.open(ticket({ severity: 'critical', level: 'executive', openedAt: later(6_000) }));
      expect(raised).toMatchObject({ severity: 'critical', level: 'executive', ownerId: 'staff-mei', openedAt: at });
      expect(await desk.get('TC-DESK01')).toEqual(raised);
    });

    it('reopens a finished ticket as waiting, without owner or alert, from the new opening time', async () => {
      await desk.open(ticket({ severity: 'critical', level: 'executive' }));
      await desk.claim('TC-DESK01', 'staff-mei', later(1_000));
      await desk.markAlerted('TC-DESK01', later(2_000));
      await desk.share('TC-DESK01', 'partner-gz', later(2_500));
      await desk.finish('TC-DESK01', 'handed_back', later(3_000));
      const reopened = await desk.open(ticket({ severity: 'low', level: 'agent', openedAt: later(10_000) }));
      // A fresh escalation: severity and level as now judged, not the old ones. Sharing is about the case and stays.
      expect(reopened).toMatchObject({
        status: 'waiting', ownerId: null, openedAt: later(10_000), alertedAt: null, severity: 'low', level: 'agent', sharedWith: ['partner-gz'],
      });
      await desk.finish('TC-DESK01', 'closed', later(11_000));
      expect(await desk.open(ticket({ openedAt: later(20_000) }))).toMatchObject({ status: 'waiting', openedAt: later(20_000) });
    });

    it('lists the most severe first, then the longest waiting, waiting and claimed by default', async () => {
      await desk.open(ticket({ caseId: 'TC-LOW', severity: 'low', openedAt: later(-9_000) }));
      await desk.open(ticket({ caseId: 'TC-HIGH-NEW', severity: 'high', openedAt: later(2_000) }));
      await desk.open(ticket({ caseId: 'TC-CRIT', severity: 'critical', openedAt: later(5_000) }));
      await desk.open(ticket({ caseId: 'TC-HIGH-OLD', severity: 'high', openedAt: later(1_000) }));
      await desk.open(ticket({ caseId: 'TC-MED', severity: 'medium', openedAt: later(-5_000) }));
      await desk.open(ticket({ caseId: 'TC-DONE', severity: 'critical' }));
      await desk.claim('TC-HIGH-NEW', 'staff-mei', later(3_000));
      await desk.finish('TC-DONE', 'closed', later(3_000));
      expect((await desk.list()).map((t) => t.caseId)).toEqual(['TC-CRIT', 'TC-HIGH-OLD', 'TC-HIGH-NEW', 'TC-MED', 'TC-LOW']);
      expect((await desk.list({ statuses: ['closed', 'handed_back'] })).map((t) => t.caseId)).toEqual(['TC-DONE']);
      expect((await desk.list({ statuses: ['waiting'] })).map((t) => t.caseId)).toEqual(['TC-CRIT', 'TC-HIGH-OLD', 'TC-MED', 'TC-LOW']);
      expect(await desk.list({ statuses: [] })).toEqual([]);
      expect(await desk.list()).toContainEqual(await desk.get('TC-CRIT'));
    });

    it('filters by team, owner and partner', async () => {
      await desk.open(ticket({ caseId: 'TC-BJ1', team: 'beijing' }));
      await desk.open(ticket({ caseId: 'TC-BJ2', team: 'beijing', openedAt: later(1) }));
      await desk.open(ticket({ caseId: 'TC-SH1', team: 'shanghai' }));
      await desk.claim('TC-BJ2', 'staff-mei', later(1_000));
      await desk.claim('TC-SH1', 'staff-mei', later(1_000));
      await desk.share('TC-BJ1', 'partner-gz', later(2_000));
      await desk.share('TC-SH1', 'partner-gz', later(2_000));
      await desk.share('TC-SH1', 'partner-xa', later(2_000));
      const ids = async (filter: Parameters<EscalationDesk['list']>[0]) => (await desk.list(filter)).map((t) => t.caseId);
      expect(await ids({ team: 'beijing' })).toEqual(['TC-BJ1', 'TC-BJ2']);
      expect(await ids({ ownerId: 'staff-mei' })).toEqual(['TC-SH1', 'TC-BJ2']);
      expect(await ids({ ownerId: 'staff-mei', team: 'beijing' })).toEqual(['TC-BJ2']);
      expect(await ids({ sharedWith: 'partner-gz' })).toEqual(['TC-BJ1', 'TC-SH1']);
      expect(await ids({ sharedWith: 'partner-xa' })).toEqual(['TC-SH1']);
      expect(await ids({ sharedWith: 'partner-nobody' })).toEqual([]);
      expect(await ids({ team: 'nowhere' })).toEqual([]);
    });

    it('lets one staff member claim a waiting ticket, again if they hold it, and no one else', async () => {
      await desk.open(ticket());
      const won = await desk.claim('TC-DESK01', 'staff-mei', later(1_000));
      expect(won).toEqual({ ok: true, ticket: expect.objectContaining({ status: 'claimed', ownerId: 'staff-mei', updatedAt: later(1_000) }) });
      expect(await desk.claim('TC-DESK01', 'staff-mei', later(2_000))).toMatchObject({ ok: true, ticket: { ownerId: 'staff-mei' } });
      const lost = await desk.claim('TC-DESK01', 'staff-ahmed', later(3_000));
      expect(lost).toMatchObject({ ok: false, ticket: { status: 'claimed', ownerId: 'staff-mei' } });
      expect(await desk.get('TC-DESK01')).toMatchObject({ ownerId: 'staff-mei' });
    });

    it('gives a ticket claimed by 20 staff at once to exactly one of them', async () => {
      await desk.open(ticket());
      const staff = Array.from({ length: 20 }, (_, i) => `staff-${i}`);
      const results = await Promise.all(staff.map((id) => desk.claim('TC-DESK01', id, later(1_000))));
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      const owner = winners[0]!.ticket!.ownerId;
      expect(staff).toContain(owner);
      for (const r of results.filter((r) => !r.ok)) expect(r.ticket).toMatchObject({ status: 'claimed', ownerId: owner });
      expect(await desk.get('TC-DESK01')).toMatchObject({ ownerId: owner });
    });

    it('assigns only when the owner is still the one expected; to nobody puts it back to waiting', async () => {
      await desk.open(ticket());
      expect(await desk.assign('TC-DESK01', { ownerId: 'staff-mei', level: 'agent', expectedOwnerId: 'staff-ahmed' }, later(500)))
        .toMatchObject({ ok: false, ticket: { status: 'waiting', ownerId: null } });
      const given = await desk.assign('TC-DESK01', { ownerId: 'staff-mei', level: 'agent', expectedOwnerId: null }, later(1_000));
      expect(given).toMatchObject({ ok: true, ticket: { status: 'claimed', ownerId: 'staff-mei', level: 'agent', updatedAt: later(1_000) } });
      const raised = await desk.assign('TC-DESK01', { ownerId: 'staff-lee', level: 'supervisor', expectedOwnerId: 'staff-mei' }, later(2_000));
      expect(raised).toMatchObject({ ok: true, ticket: { status: 'claimed', ownerId: 'staff-lee', level: 'supervisor' } });
      // A second reassignment that still expects Mei lost the race to the first.
      const stale = await desk.assign('TC-DESK01', { ownerId: 'staff-ahmed', level: 'agent', expectedOwnerId: 'staff-mei' }, later(2_000));
      expect(stale).toMatchObject({ ok: false, ticket: { ownerId: 'staff-lee', level: 'supervisor' } });
      const released = await desk.assign('TC-DESK01', { ownerId: null, level: 'supervisor', expectedOwnerId: 'staff-lee' }, later(3_000));
      expect(released).toMatchObject({ ok: true, ticket: { status: 'waiting', ownerId: null, level: 'supervisor' } });
      expect(await desk.claim('TC-DESK01', 'staff-ahmed', later(4_000))).toMatchObject({ ok: true });
    });

    it('finishes a ticket, keeping its owner; a finished ticket can be neither claimed nor assigned', async () => {
      await desk.open(ticket());
      await desk.claim('TC-DESK01', 'staff-mei', later(1_000));
      const closed = await desk.finish('TC-DESK01', 'closed', later(2_000));
      expect(closed).toMatchObject({ status: 'closed', ownerId: 'staff-mei', updatedAt: later(2_000) });
      expect(await desk.get('TC-DESK01')).toEqual(closed);
      expect(await desk.claim('TC-DESK01', 'staff-mei', later(3_000))).toEqual({ ok: false, ticket: closed });
      expect(await desk.assign('TC-DESK01', { ownerId: 'staff-lee', level: 'agent', expectedOwnerId: 'staff-mei' }, later(3_000)))
        .toEqual({ ok: false, ticket: closed });
      expect(await desk.finish('TC-DESK01', 'handed_back', later(4_000))).toMatchObject({ status: 'handed_back', ownerId: 'staff-mei' });
    });

    it('marks when a supervisor was alerted', async () => {
      await desk.open(ticket());
      await desk.markAlerted('TC-DESK01', later(1_000));
      expect((await desk.get('TC-DESK01'))?.alertedAt).toEqual(later(1_000));
      await desk.markAlerted('TC-DESK01', later(9_000));
      expect((await desk.get('TC-DESK01'))?.alertedAt).toEqual(later(9_000));
    });

    it('shares a ticket with each partner once', async () => {
      await desk.open(ticket());
      expect(await desk.share('TC-DESK01', 'partner-gz', later(1_000))).toMatchObject({ sharedWith: ['partner-gz'], updatedAt: later(1_000) });
      expect(await desk.share('TC-DESK01', 'partner-gz', later(2_000))).toMatchObject({ sharedWith: ['partner-gz'] });
      expect(await desk.share('TC-DESK01', 'partner-xa', later(3_000))).toMatchObject({ sharedWith: ['partner-gz', 'partner-xa'] });
      expect((await desk.get('TC-DESK01'))?.sharedWith).toEqual(['partner-gz', 'partner-xa']);
    });

    it('keeps notes per case, oldest first, and in the order added when written at the same time', async () => {
      await desk.open(ticket());
      const note = (text: string, when: Date, caseId = 'TC-DESK01') => ({ caseId, authorId: 'staff-mei', text, at: when });
      await desk.addNote(note('second', later(2_000)));
      await desk.addNote(note('first', later(1_000)));
      await desk.addNote(note('third', later(2_000)));
      await desk.addNote(note('elsewhere', later(1_500), 'TC-OTHER'));
      expect(await desk.notes('TC-DESK01')).toEqual([note('first', later(1_000)), note('second', later(2_000)), note('third', later(2_000))]);
      expect((await desk.notes('TC-DESK01'))[0]?.at).toBeInstanceOf(Date);
      expect(await desk.notes('TC-NONE')).toEqual([]);
    });

    it('answers for a case not on the desk without inventing a ticket', async () => {
      expect(await desk.get('TC-NONE')).toBeUndefined();
      expect(await desk.claim('TC-NONE', 'staff-mei', at)).toEqual({ ok: false, ticket: undefined });
      expect(await desk.assign('TC-NONE', { ownerId: 'staff-mei', level: 'agent', expectedOwnerId: null }, at)).toEqual({ ok: false, ticket: undefined });
      expect(await desk.finish('TC-NONE', 'closed', at)).toBeUndefined();
      expect(await desk.share('TC-NONE', 'partner-gz', at)).toBeUndefined();
      await desk.markAlerted('TC-NONE', at); // nothing to mark: a no-op
      expect(await desk.get('TC-NONE')).toBeUndefined();
      // Notes belong to the case, not to its ticket: one written before the case reaches the desk is kept.
      await desk.addNote({ caseId: 'TC-NONE', authorId: 'staff-mei', text: 'called the hotel', at });
      expect(await desk.notes('TC-NONE')).toEqual([{ caseId: 'TC-NONE', authorId: 'staff-mei', text: 'called the hotel', at }]);
      expect(await desk.list({ statuses: ['waiting', 'claimed', 'closed', 'handed_back'] })).toEqual([]);
    });
  });
}
