import { describe, expect, it } from 'vitest';
import { policyWith } from './helpers.ts';

const hour = 3_600_000;
const offeredAt = new Date('2026-11-20T08:00:00Z');
const after = (ms: number) => new Date(offeredAt.getTime() + ms);

describe('group settlement incentives (default: 24 h → 10 %, 72 h → 5 %, later nothing)', () => {
  const policy = policyWith();

  it.each([
    [0, 24, 10, 100],
    [24 * hour, 24, 10, 100],
    [24 * hour + 1, 72, 5, 50],
    [72 * hour, 72, 5, 50],
    [72 * hour + 1, null, 0, 0],
    [30 * 24 * hour, null, 0, 0],
  ])('accepted %s ms after the offer: the %s-hour tier, %s %, %s on 1000', (elapsed, withinHours, percent, amount) => {
    expect(policy.groupBonus(1000, offeredAt, after(elapsed))).toEqual({ withinHours, percent, amount });
  });

  it('rounds the bonus as the file says', () => {
    expect(policy.groupBonus(1234.56, offeredAt, offeredAt).amount).toBe(124); // 123.456 up to whole yuan
    expect(policyWith({ rounding: { step: 0.01, mode: 'nearest' } }).groupBonus(1234.56, offeredAt, offeredAt).amount).toBe(123.46);
  });

  it('pays nothing when the file has no tiers', () => {
    expect(policyWith({ groupIncentives: [] }).groupBonus(1000, offeredAt, offeredAt)).toEqual({ withinHours: null, percent: 0, amount: 0 });
  });

  it('refuses impossible times and amounts', () => {
    expect(() => policy.groupBonus(1000, offeredAt, after(-1))).toThrow(/before/);
    expect(() => policy.groupBonus(1000, new Date('nonsense'), offeredAt)).toThrow(RangeError);
    expect(() => policy.groupBonus(Number.NaN, offeredAt, offeredAt)).toThrow(RangeError);
    expect(() => policy.groupBonus(-1, offeredAt, offeredAt)).toThrow(RangeError);
  });
});

describe('reply-time commitments', () => {
  it.each([['critical', 10], ['high', 30], ['medium', 120], ['low', 1440]] as const)('%s: within %s minutes', (severity, minutes) => {
    expect(policyWith().responseDue(severity, offeredAt)).toEqual(after(minutes * 60_000));
  });

  it('come from the file', () => {
    const fast = policyWith({ responseMinutes: { critical: 5, high: 15, medium: 60, low: 480 } });
    expect(fast.responseDue('medium', offeredAt)).toEqual(after(hour));
  });
});
