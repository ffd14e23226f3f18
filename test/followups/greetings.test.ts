import { afterEach, describe, expect, it } from 'vitest';
import { actionLimiter } from '../../src/console/route-kit.ts';
import { routeTrips } from '../../src/console/trip-routes.ts';
import type { GreetingRules } from '../../src/followups/greeting-time.ts';
import { scheduleReturningGreetings } from '../../src/followups/schedule-greetings.ts';
import { workFollowups } from '../../src/followups/work-followups.ts';
import { createLogger } from '../../src/log.ts';
import { DeskServer } from '../support/console.ts';
import type { DeskOptions, StaffClient } from '../support/console.ts';

const header = 'tour_code,departure_date,return_date,ref,name,locale,channel,conversation_id';
/** Back on 21 November (the desk's clock starts at 10:00 that day in Shanghai): greeted at 10:00 on the 22nd, 02:00 UTC. */
const trip = [
  header,
  'GZ-7X,2026-11-14,2026-11-21,B-1,Emma Hall,en,telegram,tg-1',
  'GZ-7X,2026-11-14,2026-11-21,B-2,"Wang, Fang",,webchat,wc-2',
  'GZ-7X,2026-11-14,2026-11-21,B-3,Li Na,zh-CN,,',
  'GZ-7X,2026-11-14,2026-11-21,B-4,Zhou Yu,fr,webchat,wc-4',
].join('\r\n');
const shanghai: GreetingRules = { timeZone: 'Asia/Shanghai', hour: 10, quiet: { from: 21, to: 9 } };
const hour = 3_600_000;

let desk: DeskServer;
afterEach(async () => {
  await desk.close();
});

/** The desk with trips routed and greetings worked; a supervisor signed in. */
async function start(options: DeskOptions = {}): Promise<StaffClient> {
  desk = await DeskServer.start(options);
  const log = createLogger('silent');
  routeTrips(desk.http, { ...desk.app.parts, auth: desk.auth, limiter: actionLimiter(desk.app.parts.limits), clock: desk.clock, rules: shanghai });
  workFollowups({ ...desk.app.parts, engine: desk.app.engine, router: desk.app.router, clock: desk.clock, log });
  return desk.staff('mei.lin', 'supervisor');
}

const importCsv = (staff: StaffClient, csv: string) => staff.post('/api/trips/import', undefined, { 'content-type': 'text/csv; charset=utf-8' }, csv);

/** Moves the desk's clock to `iso` and runs what is due. */
async function until(iso: string): Promise<void> {
  desk.clock.advance(new Date(iso).getTime() - desk.clock.now().getTime());
  await desk.settle();
}

const greetings = async () => (await desk.app.parts.audit.entries({ actor: 'system' })).filter((e) => e.action.startsWith('followup.')).reverse();

describe('the day-after-return greeting', () => {
  it('arrives at 10:00 the day after return, in each traveller\'s language, once', async () => {
    const supervisor = await start();
    const res = await importCsv(supervisor, trip);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      trips: 1, travellers: 3, greetings: 2,
      errors: [{ line: 5, field: 'locale', message: expect.any(String) }],
    });
    expect((await desk.app.parts.jobs.waiting('followup.greet')).map((j) => j.runAt)).toEqual([new Date('2026-11-22T02:00:00Z'), new Date('2026-11-22T02:00:00Z')]);

    await until('2026-11-22T01:59:00Z');
    expect(desk.sent).toEqual([]);
    await until('2026-11-22T02:00:00Z');
    const [english] = desk.sentTo('tg-1', 0, 'telegram');
    expect(english?.text).toContain('Welcome home from your trip GZ-7X!');
    expect(english?.choices.map((c) => c.id)).toEqual(['followup:good', 'followup:problem']);
    // No language on the roster: the agency's default (zh-CN).
    expect(desk.sentTo('wc-2')[0]?.text).toContain('欢迎您结束 GZ-7X 的旅程');
    expect(desk.sent).toHaveLength(2);
    expect(await greetings()).toMatchObject([
      { action: 'followup.sent', target: 'GZ-7X/2026-11-14/B-1', details: { channel: 'telegram' } },
      { action: 'followup.sent', target: 'GZ-7X/2026-11-14/B-2', details: { channel: 'webchat' } },
    ]);
    expect((await desk.app.parts.store.read('telegram:tg-1'))?.aftercare.greeting).toEqual({ departure: { tourCode: 'GZ-7X', date: '2026-11-14' }, sentAt: '2026-11-22T02:00:00.000Z' });

    // The same file again, later that day: the greetings are scheduled at once, but nobody is greeted twice.
    await until('2026-11-22T05:00:00Z');
    const again = await desk.staff('li.na', 'supervisor'); // the first session has ended by now
    expect(await (await importCsv(again, trip)).json()).toMatchObject({ greetings: 2 });
    await desk.settle();
    expect(desk.sent).toHaveLength(2);
    expect(await greetings()).toHaveLength(2);
  });

  it('schedules nothing twice, and nobody without a chat identity', async () => {
    const supervisor = await start();
    await importCsv(supervisor, trip);
    await importCsv(supervisor, trip);
    const jobs = await desk.app.parts.jobs.waiting('followup.greet');
    expect(jobs.map((j) => j.data.ref)).toEqual(['B-1', 'B-2']); // B-3 has no channel; B-4 was refused
  });

  it('never writes in quiet hours: a trip imported at 22:00 on the day after is greeted at 09:00 next morning', async () => {
    await start();
    await until('2026-11-22T14:00:00Z'); // 22:00 in Shanghai
    const supervisor = await desk.staff('li.na', 'supervisor'); // signed in now: a session a day and a half old has ended
    expect(await (await importCsv(supervisor, trip)).json()).toMatchObject({ greetings: 2 });
    await until('2026-11-23T00:59:00Z');
    expect(desk.sent).toEqual([]);
    await until('2026-11-23T01:00:00Z');
    expect(desk.sent).toHaveLength(2);
  });

  it('skips a WeChat traveller whose 48-hour window is closed, and records why', async () => {
    const supervisor = await start({ windows: { wechat: async (id) => (id === 'wx-quiet' ? null : { closesAt: new Date('2026-11-23T00:00:00Z'), remaining: 5 }) } });
    const wechat = [header, 'SH-1,2026-11-15,2026-11-21,W-1,Open,zh-CN,wechat,wx-open', 'SH-1,2026-11-15,2026-11-21,W-2,Quiet,zh-TW,wechat,wx-quiet'].join('\n');
    expect(await (await importCsv(supervisor, wechat)).json()).toMatchObject({ greetings: 2, errors: [] });
    await until('2026-11-22T02:00:00Z');
    expect(desk.sentTo('wx-open', 0, 'wechat')).toHaveLength(1);
    expect(desk.sentTo('wx-quiet', 0, 'wechat')).toEqual([]);
    expect(await greetings()).toMatchObject([
      { action: 'followup.sent', target: 'SH-1/2026-11-15/W-1' },
      { action: 'followup.skipped', target: 'SH-1/2026-11-15/W-2', details: { channel: 'wechat', reason: 'wechat_window_closed' } },
    ]);
  });

  it('leaves a traveller in the middle of a complaint alone, and records why', async () => {
    const supervisor = await start();
    await importCsv(supervisor, trip);
    await desk.say('The hotel room was filthy and there was no hot water at all!', 'wc-2');
    const before = desk.sent.length;
    await until('2026-11-22T02:00:00Z');
    expect(desk.sentTo('wc-2', before)).toEqual([]);
    expect(await greetings()).toMatchObject([
      { action: 'followup.sent', target: 'GZ-7X/2026-11-14/B-1' },
      { action: 'followup.skipped', target: 'GZ-7X/2026-11-14/B-2', details: { reason: 'conversation_busy' } },
    ]);
  });

  it('schedules at start the greetings of trips kept while no queue ran', async () => {
    await start();
    const { roster, jobs } = desk.app.parts;
    const traveller = { name: 'Emma Hall', locale: 'en' as const, channel: 'telegram' as const };
    await roster.putTrip({ departure: { tourCode: 'GZ-7X', date: '2026-11-14' }, returnDate: '2026-11-20' }, [{ ...traveller, ref: 'A', conversationId: 'tg-a' }]);
    await roster.putTrip({ departure: { tourCode: 'GZ-8X', date: '2026-11-20' }, returnDate: '2026-11-28' }, [{ ...traveller, ref: 'B', conversationId: 'tg-b' }]);
    await roster.putTrip({ departure: { tourCode: 'OLD', date: '2026-11-01' }, returnDate: '2026-11-10' }, [{ ...traveller, ref: 'C', conversationId: 'tg-c' }]);
    expect(await scheduleReturningGreetings({ jobs, roster, clock: desk.clock, rules: shanghai })).toBe(2);
    // Back yesterday: greeted now (10:00 today); back in a week: at 10:00 the day after.
    expect((await jobs.waiting('followup.greet')).map((j) => [j.data.ref, j.runAt.getTime() - desk.clock.now().getTime()])).toEqual([['A', 0], ['B', 8 * 24 * hour]]);
  });
});

describe('the trips API', () => {
  it('takes the same rows as JSON, for supervisors, executives and admins only', async () => {
    const supervisor = await start();
    const rows = [
      { tourCode: 'gz-7x', departureDate: '2026-11-14', returnDate: '2026-11-21', ref: 'B-1', name: 'Emma Hall', locale: 'en', channel: 'telegram', conversationId: 'tg-1' },
      { tourCode: 'GZ-7X', departureDate: '2026-11-14', returnDate: '2026-11-22', ref: 'B-2', name: 'Li Na' },
    ];
    const res = await supervisor.post('/api/trips', { rows });
    expect(await res.json()).toEqual({
      trips: 1, travellers: 1, greetings: 1,
      errors: [{ line: 2, field: 'return_date', message: 'differs from line 1\'s 2026-11-21 for the same departure' }],
    });
    expect(await desk.app.parts.roster.returningFrom('2026-11-21')).toEqual([{ departure: { tourCode: 'GZ-7X', date: '2026-11-14' }, returnDate: '2026-11-21' }]);
    const agent = await desk.staff('ahmed', 'agent');
    expect((await agent.post('/api/trips', { rows })).status).toBe(403);
    expect((await importCsv(agent, trip)).status).toBe(403);
  });

  it('refuses a body not CSV, too large, not UTF-8, or without the CSRF token', async () => {
    const supervisor = await start();
    expect((await supervisor.post('/api/trips/import', undefined, {}, trip)).status).toBe(415);
    expect((await importCsv(supervisor, `${header}\n${'x'.repeat(5 * 1024 * 1024)}`)).status).toBe(413);
    const latin1 = await fetch(`${desk.base}/api/trips/import`, {
      method: 'POST', headers: { 'content-type': 'text/csv', cookie: supervisor.cookie, 'x-csrf-token': supervisor.csrfToken }, body: new Uint8Array([0x61, 0xe9, 0x0a]),
    });
    expect(latin1.status).toBe(400);
    expect((await importCsv(supervisor, trip.replace('\r\n', '\n')).then((r) => r.status))).toBe(200);
    expect((await supervisor.post('/api/trips/import', undefined, { 'content-type': 'text/csv', 'x-csrf-token': 'wrong' }, trip)).status).toBe(403);
    expect((await supervisor.post('/api/trips', { rows: [] })).status).toBe(400);
  });
});
