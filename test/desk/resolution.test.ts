import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCost } from '../../src/desk/resolution.ts';

describe('splitting a remedy\'s cost between those responsible', () => {
  it('splits by share, in cents', () => {
    expect(splitCost(660, [{ party: 'supplier', share: 70 }, { party: 'agency_staff', share: 30 }]))
      .toEqual([{ party: 'supplier', share: 70, cost: 462 }, { party: 'agency_staff', share: 30, cost: 198 }]);
  });

  it('gives the rounding remainder to the largest share, so the parts add up', () => {
    const parts = splitCost(100, [{ party: 'guide', share: 33 }, { party: 'supplier', share: 34 }, { party: 'ground_operator', share: 33 }]);
    expect(parts.map((p) => p.cost)).toEqual([33, 34, 33]);
    expect(splitCost(0.1, [{ party: 'guide', share: 50 }, { party: 'supplier', share: 50 }]).map((p) => p.cost)).toEqual([0.05, 0.05]);
  });

  it('always adds up to the total', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 10_000_000 }),
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 }),
      (cents, raw) => {
        const sum = raw.reduce((a, b) => a + b, 0);
        const shares = sum === 0 ? [100] : raw.map((r, i) => (i === 0 ? 100 - raw.slice(1).reduce((a, b) => a + Math.floor((b * 100) / sum), 0) : Math.floor((r * 100) / sum)));
        const parts = splitCost(cents / 100, shares.map((share) => ({ party: 'supplier' as const, share })));
        expect(Math.round(parts.reduce((a, p) => a + p.cost * 100, 0))).toBe(cents);
      },
    ));
  });
});
