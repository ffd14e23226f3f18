import { describe, expect, it } from 'vitest';
import { lateNoticePercent } from '../../src/policy/notice-schedules.ts';
import type { Schedule, TripType } from '../../src/policy/notice-schedules.ts';
import { amounts, floorOnly, policyWith } from './helpers.ts';

type Rows = readonly (readonly [days: number, percent: number])[];

// [days of notice, percent of the fee owed]; a fee of 10,000 makes each percent 100.
const bands: Record<Schedule, Record<TripType, Rows>> = {
  'standard-2011': {
    domestic: [[9, 0], [8, 0], [7, 10], [5, 10], [4, 10], [3, 15], [1, 15], [0, 20]],
    outbound: [[60, 0], [31, 0], [30, 2], [15, 2], [14, 5], [7, 5], [6, 10], [4, 10], [3, 15], [1, 15], [0, 20]],
  },
  'model-contract-2014': {
    domestic: [[8, 0], [7, 0], [6, 10], [4, 10], [3, 15], [1, 15], [0, 20]],
    outbound: [[31, 0], [30, 0], [29, 2], [15, 2], [14, 5], [7, 5], [6, 10], [4, 10], [3, 15], [1, 15], [0, 20]],
  },
};

const cases = Object.entries(bands).flatMap(([schedule, trips]) =>
  Object.entries(trips).flatMap(([tripType, rows]) =>
    rows.map(([days, percent]) => ({ schedule: schedule as Schedule, tripType: tripType as TripType, days, percent }))));

describe('notice-day schedules at every boundary', () => {
  it.each(cases)('$schedule, $tripType, $days days before: $percent %', ({ schedule, tripType, days, percent }) => {
    expect(lateNoticePercent(schedule, tripType, days)).toBe(percent);
    const offered = amounts(floorOnly, { situation: 'cancelled_by_agency', schedule, tripType, fee: 10_000, noticeDays: days });
    expect(offered).toEqual(percent === 0 ? { fee_refund: 10_000 } : { fee_refund: 10_000, late_notice: percent * 100 });
  });

  it('uses the schedule the policy picks unless the booking names its own', () => {
    const request = { situation: 'cancelled_by_agency', tripType: 'domestic', fee: 10_000, noticeDays: 7 } as const;
    const on2014 = policyWith({ uplifts: {}, schedule: 'model-contract-2014' });
    expect(amounts(on2014, request)).toEqual({ fee_refund: 10_000 });
    expect(amounts(on2014, { ...request, schedule: 'standard-2011' })).toEqual({ fee_refund: 10_000, late_notice: 1000 });
    expect(amounts(floorOnly, request)).toEqual({ fee_refund: 10_000, late_notice: 1000 });
  });
});
