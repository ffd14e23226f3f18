import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { addDays, atWallClock, wallClock } from '../../src/followups/civil-time.ts';
import { greetingTime, outOfQuietHours } from '../../src/followups/greeting-time.ts';
import type { GreetingRules } from '../../src/followups/greeting-time.ts';
import { isQuietHour, parseQuietHours } from '../../src/followups/quiet-hours.ts';

const rules = (timeZone: string, over: Partial<GreetingRules> = {}): GreetingRules => ({ timeZone, hour: 10, quiet: { from: 21, to: 9 }, ...over });
/** Long before any of the return dates: nothing is late. */
const early = new Date('2026-01-01T00:00:00Z');
const at = (iso: string) => new Date(iso);

describe('the day-after-return greeting time', () => {
  it('is 10:00 the day after in Shanghai', () => {
    expect(greetingTime('2026-11-21', early, rules('Asia/Shanghai'))).toEqual(at('2026-11-22T02:00:00Z'));
  });

  it('crosses month and year ends, and leap days', () => {
    expect(greetingTime('2026-12-31', early, rules('Asia/Shanghai'))).toEqual(at('2027-01-01T02:00:00Z'));
    expect(greetingTime('2026-04-30', early, rules('Asia/Shanghai'))).toEqual(at('2026-05-01T02:00:00Z'));
    expect(greetingTime('2028-02-28', early, rules('Asia/Shanghai'))).toEqual(at('2028-02-29T02:00:00Z'));
    expect(greetingTime('2027-02-28', early, rules('Asia/Shanghai'))).toEqual(at('2027-03-01T02:00:00Z'));
  });

  it('keeps 10:00 on the clock in London across the changes to and from summer time', () => {
    const london = rules('Europe/London');
    expect(greetingTime('2026-03-28', early, london)).toEqual(at('2026-03-29T09:00:00Z')); // the first day of BST
    expect(greetingTime('2026-03-27', early, london)).toEqual(at('2026-03-28T10:00:00Z'));
    expect(greetingTime('2026-10-23', early, london)).toEqual(at('2026-10-24T09:00:00Z'));
    expect(greetingTime('2026-10-24', early, london)).toEqual(at('2026-10-25T10:00:00Z')); // back to GMT
  });

  it('keeps 10:00 on the clock in Los Angeles, summer and winter', () => {
    const la = rules('America/Los_Angeles');
    expect(greetingTime('2026-07-04', early, la)).toEqual(at('2026-07-05T17:00:00Z'));
    expect(greetingTime('2026-11-01', early, la)).toEqual(at('2026-11-02T18:00:00Z'));
    expect(greetingTime('2026-12-31', early, la)).toEqual(at('2027-01-01T18:00:00Z'));
  });

  it('waits until the morning after for a trip back at 23:59 local', () => {
    const justBack = at('2026-11-21T15:59:00Z'); // 23:59 in Shanghai
    expect(wallClock(justBack, 'Asia/Shanghai')).toEqual({ date: '2026-11-21', hour: 23 });
    expect(greetingTime('2026-11-21', justBack, rules('Asia/Shanghai'))).toEqual(at('2026-11-22T02:00:00Z'));
  });

  it('moves a greeting hour inside the quiet hours to their end, across midnight or not', () => {
    expect(greetingTime('2026-11-21', early, rules('Asia/Shanghai', { hour: 22 }))).toEqual(at('2026-11-23T01:00:00Z')); // 09:00 on the 23rd
    expect(greetingTime('2026-11-21', early, rules('Asia/Shanghai', { hour: 7 }))).toEqual(at('2026-11-22T01:00:00Z')); // 09:00 on the 22nd
    expect(greetingTime('2026-11-21', early, rules('Asia/Shanghai', { hour: 0 }))).toEqual(at('2026-11-22T01:00:00Z'));
    expect(greetingTime('2026-11-21', early, rules('Asia/Shanghai', { hour: 13, quiet: { from: 12, to: 14 } }))).toEqual(at('2026-11-22T06:00:00Z'));
    // The edges: 21:00 is quiet, 20:00 and 09:00 are not.
    expect(greetingTime('2026-11-21', early, rules('Asia/Shanghai', { hour: 21 }))).toEqual(at('2026-11-23T01:00:00Z'));
    expect(greetingTime('2026-11-21', early, rules('Asia/Shanghai', { hour: 20 }))).toEqual(at('2026-11-22T12:00:00Z'));
    expect(greetingTime('2026-11-21', early, rules('Asia/Shanghai', { hour: 9 }))).toEqual(at('2026-11-22T01:00:00Z'));
  });

  it('moves a time in quiet hours to their end in the agency zone, across a DST change', () => {
    const london = { timeZone: 'Europe/London', quiet: { from: 21, to: 9 } };
    expect(outOfQuietHours(at('2026-03-28T22:30:00Z'), london)).toEqual(at('2026-03-29T08:00:00Z')); // 09:00 BST
    expect(outOfQuietHours(at('2026-10-24T23:30:00Z'), london)).toEqual(at('2026-10-25T09:00:00Z')); // 00:30 BST → 09:00 GMT
    expect(outOfQuietHours(at('2026-10-25T12:00:00Z'), london)).toEqual(at('2026-10-25T12:00:00Z'));
  });

  it('greets as soon as allowed when scheduled late on the day, and not at all once it is over', () => {
    const shanghai = rules('Asia/Shanghai');
    expect(greetingTime('2026-11-21', at('2026-11-22T07:00:00Z'), shanghai)).toEqual(at('2026-11-22T07:00:00Z')); // 15:00
    expect(greetingTime('2026-11-21', at('2026-11-22T14:00:00Z'), shanghai)).toEqual(at('2026-11-23T01:00:00Z')); // 22:00 → 09:00
    expect(greetingTime('2026-11-21', at('2026-11-22T16:30:00Z'), shanghai)).toBeNull(); // 00:30 the day after
    expect(greetingTime('2026-10-01', at('2026-11-22T07:00:00Z'), shanghai)).toBeNull();
  });
});

describe('civil time', () => {
  it('reads an hour a clock change skips an hour later', () => {
    expect(atWallClock('2026-03-29', 1, 'Europe/London')).toEqual(at('2026-03-29T01:00:00Z')); // 02:00 BST
    expect(atWallClock('2026-03-08', 2, 'America/Los_Angeles')).toEqual(at('2026-03-08T10:00:00Z')); // 03:00 PDT
  });

  it('takes the first of an hour a clock change repeats', () => {
    expect(atWallClock('2026-10-25', 1, 'Europe/London')).toEqual(at('2026-10-25T00:00:00Z')); // 01:00 BST, not GMT
    expect(atWallClock('2026-11-01', 1, 'America/Los_Angeles')).toEqual(at('2026-11-01T08:00:00Z')); // 01:00 PDT
  });

  it('counts days across ends of months and years, both ways', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('quiet hours', () => {
  it('parses from-to hours, and refuses anything else', () => {
    expect(parseQuietHours('21-9')).toEqual({ from: 21, to: 9 });
    expect(parseQuietHours(' 0-6 ')).toEqual({ from: 0, to: 6 });
    for (const bad of ['9-9', '25-3', '21-', 'night', '21-9-3', '-1-9']) expect(parseQuietHours(bad)).toBeUndefined();
  });

  it('covers the hours from the start up to the end, across midnight or not', () => {
    const night = { from: 21, to: 9 };
    expect([20, 21, 23, 0, 8, 9].map((h) => isQuietHour(h, night))).toEqual([false, true, true, true, true, false]);
    const lunch = { from: 12, to: 14 };
    expect([11, 12, 13, 14].map((h) => isQuietHour(h, lunch))).toEqual([false, true, true, false]);
  });

  it('comes from the configuration: 10:00 and 21-9 by default, a bad value refused', () => {
    expect(loadConfig({})).toMatchObject({ GREETING_HOUR: 10, QUIET_HOURS: { from: 21, to: 9 } });
    expect(loadConfig({ GREETING_HOUR: '11', QUIET_HOURS: '22-7' })).toMatchObject({ GREETING_HOUR: 11, QUIET_HOURS: { from: 22, to: 7 } });
    expect(() => loadConfig({ QUIET_HOURS: '9-9' })).toThrow(ConfigError);
    expect(() => loadConfig({ GREETING_HOUR: '24' })).toThrow(/GREETING_HOUR/);
  });
});
