import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundingModes } from '../../src/policy/cents.ts';
import { upliftClauses } from '../../src/policy/clause-ids.ts';
import { factNames } from '../../src/policy/facts.ts';
import { RemedyInputError } from '../../src/policy/remedy-input.ts';
import type { RemedyRequest } from '../../src/policy/remedy-input.ts';
import { situations } from '../../src/policy/situations.ts';
import { policyWith } from './helpers.ts';

const money = fc.option(fc.double({ min: 0, max: 10_000_000, noNaN: true }), { nil: undefined });
const count = fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined });

const request: fc.Arbitrary<RemedyRequest> = fc.record({
  situation: fc.constantFrom(...situations),
  tripType: fc.option(fc.constantFrom('domestic', 'outbound'), { nil: undefined }),
  schedule: fc.option(fc.constantFrom('standard-2011', 'model-contract-2014'), { nil: undefined }),
  fee: money,
  noticeDays: fc.option(fc.integer({ min: 0, max: 3650 }), { nil: undefined }),
  directLoss: money, priceDifference: money, missedItemsCost: money, extrasCost: money,
  purchasePrice: money, surcharge: money, suspendedCosts: money, unincurredCosts: money,
  unticketedAttractions: count, occurrences: count,
  stranded: fc.option(fc.boolean(), { nil: undefined }),
  contractEnded: fc.option(fc.constantFrom('before_departure', 'during_trip'), { nil: undefined }),
  unverified: fc.subarray([...factNames]),
}, { requiredKeys: ['situation', 'unverified'] });

const policy = fc.record({
  uplifts: fc.dictionary(fc.constantFrom(...upliftClauses), fc.integer({ min: 0, max: 100 })),
  rounding: fc.record({ step: fc.constantFrom(0.01, 0.5, 1, 5, 10, 100, 1000), mode: fc.constantFrom(...roundingModes) }),
  ranges: fc.record({ guidePercent: fc.double({ min: 1, max: 5, noNaN: true }), strandingMultiple: fc.double({ min: 1, max: 3, noNaN: true }) }),
}).map((settings) => policyWith(settings));

const isAmount = (x: number | null) => x === null || (Number.isFinite(x) && x >= 0 && x <= 1_000_000_000);

describe('properties of every remedy', () => {
  it('amounts are finite, never negative, bounded; the offer is never below the floor', () => {
    fc.assert(fc.property(policy, request, (p, req) => {
      const r = p.remedy(req);
      expect(isAmount(r.floor) && isAmount(r.offer)).toBe(true);
      for (const o of r.options) {
        expect(isAmount(o.amount) && isAmount(o.floor), JSON.stringify(o)).toBe(true);
        if (o.amount !== null && o.floor !== null) expect(o.amount).toBeGreaterThanOrEqual(o.floor);
      }
      if (r.floor !== null && r.offer !== null) expect(r.offer).toBeGreaterThanOrEqual(r.floor);
    }), { numRuns: 2000 });
  });

  it('a missing fact is listed, never priced', () => {
    fc.assert(fc.property(request, (req) => {
      const r = policyWith().remedy(req);
      expect(r.floor === null).toBe(r.missing.length > 0);
      expect(r.offer === null).toBe(r.missing.length > 0);
      if (r.missing.length > 0) expect(r.options.some((o) => o.amount === null && o.needsApproval)).toBe(true);
    }), { numRuns: 1000 });
  });

  it('the same facts always give the same offer', () => {
    fc.assert(fc.property(policy, request, (p, req) => {
      expect(p.remedy(structuredClone(req))).toEqual(p.remedy(structuredClone(req)));
    }), { numRuns: 500 });
  });

  it('every offered amount names a clause', () => {
    fc.assert(fc.property(request, (req) => {
      for (const o of policyWith().remedy(req).options) expect(o.clause).toMatch(/^(3|4|4\([12]\)|[5-9]|10\([1-6]\)|11|tourism-law-70|contract|agency)$/);
    }), { numRuns: 500 });
  });

  it('out-of-range facts are refused, never computed', () => {
    const bad = fc.constantFrom(-0.01, -1e9, 10_000_000.01, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
    fc.assert(fc.property(request, fc.constantFrom('fee', 'directLoss', 'priceDifference', 'occurrences', 'noticeDays'), bad, (req, fact, value) => {
      expect(() => policyWith().remedy({ ...req, [fact]: value })).toThrow(RemedyInputError);
    }), { numRuns: 300 });
  });
});
