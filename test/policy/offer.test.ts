import { describe, expect, it } from 'vitest';
import { amounts, floorOnly, policyWith } from './helpers.ts';

describe("the agency's standard on top of the floor", () => {
  it('raises compensation by the clause uplift, never refunds, and rounds per the file', () => {
    // floor: 300 back + 300 again; +20 % on the compensation only: 300 + 360
    const r = policyWith().remedy({ unverified: [], situation: 'grade_below_contract', priceDifference: 300 });
    expect(r.options.map((o) => [o.part, o.floor, o.amount])).toEqual([['price_difference', 300, 300], ['same_again', 300, 360]]);
    expect(r).toMatchObject({ floor: 600, offer: 660 });
  });

  it('rounds up to whole yuan by default', () => {
    // 20 % of 1234.50 = 246.90; +20 % = 296.28; up to 297
    const r = policyWith().remedy({ unverified: [], situation: 'forced_shopping', fee: 1234.5, occurrences: 1 });
    expect(r.options[0]).toMatchObject({ floor: 246.9, amount: 297 });
  });

  it.each([
    ['nearest', 5, 295], // 296.28 → 295
    ['down', 10, 290], // 296.28 → 290, still above the floor of 246.90
    ['up', 50, 300],
    ['up', 0.01, 296.28],
  ] as const)('rounds %s to a step of %s: %s', (mode, step, expected) => {
    const policy = policyWith({ rounding: { step, mode } });
    expect(policy.remedy({ unverified: [], situation: 'forced_shopping', fee: 1234.5, occurrences: 1 }).offer).toBe(expected);
  });

  it('never rounds below the floor: rounding down that would cut into it rounds up instead', () => {
    const policy = policyWith({ uplifts: {}, rounding: { step: 10, mode: 'down' } });
    // floor 246.90 → down would be 240 → up to 250
    expect(policy.remedy({ unverified: [], situation: 'forced_shopping', fee: 1234.5, occurrences: 1 }).offer).toBe(250);
  });

  it('returns refunds to the cent, unrounded', () => {
    const policy = policyWith({ rounding: { step: 100, mode: 'up' } });
    expect(amounts(policy, { situation: 'private_selling', purchasePrice: 399.9 })).toEqual({ purchase_refund: 399.9 });
  });

  it('applies the uplift of each clause to its own parts only', () => {
    const policy = policyWith({ uplifts: { '10(1)': 50 }, rounding: { step: 0.01, mode: 'nearest' } });
    // 180 back; the same again 180 × 1.5 = 270; 2 unticketed × 5 % × 4000 = 400 × 1.5 = 600
    expect(amounts(policy, { situation: 'itinerary_cut', fee: 4000, missedItemsCost: 180, unticketedAttractions: 2 }))
      .toEqual({ missed_items: 180, same_again: 270, unticketed_attractions: 600 });
    expect(amounts(policy, { situation: 'grade_below_contract', priceDifference: 100 })).toEqual({ price_difference: 100, same_again: 100 });
  });
});

describe('contract terms', () => {
  it('replace the standard compensation; the refund of what was paid stays', () => {
    const r = floorOnly.remedy({
      unverified: [], situation: 'grade_below_contract', fee: 2000, priceDifference: 300,
      contractTerms: { grade_below_contract: { percentOfFee: 10 } },
    });
    expect(r.basis).toBe('contract');
    expect(r.options.map((o) => [o.part, o.clause, o.amount])).toEqual([['price_difference', '8', 300], ['contract_terms', 'contract', 200]]);
    expect(r.floor).toBe(500);
  });

  it('need only the facts the contract uses (no notice days for a flat term)', () => {
    const r = floorOnly.remedy({
      unverified: [], situation: 'cancelled_by_agency', tripType: 'domestic', fee: 2000,
      contractTerms: { cancelled_by_agency: { percentOfFee: 5 } },
    });
    expect(r).toMatchObject({ missing: [], floor: 2100, basis: 'contract' });
  });

  it('may pay a fixed sum per occurrence, and ask for the count', () => {
    const terms = { extra_shopping: { amount: 100, perOccurrence: true } };
    expect(floorOnly.remedy({ unverified: [], situation: 'extra_shopping', fee: 3000, occurrences: 3, contractTerms: terms }).floor).toBe(300);
    expect(floorOnly.remedy({ unverified: [], situation: 'extra_shopping', fee: 3000, contractTerms: terms }).missing).toEqual(['occurrences']);
  });

  it('never replace what the Tourism Law gives', () => {
    const r = floorOnly.remedy({
      unverified: [], situation: 'services_suspended', fee: 5000, suspendedCosts: 800, stranded: true,
      contractTerms: { services_suspended: { percentOfFee: 10 } },
    });
    expect(r.options.map((o) => [o.part, o.clause, o.amount])).toEqual([
      ['suspended_costs', '11', 800], ['stranding', 'tourism-law-70', 5000], ['contract_terms', 'contract', 500],
    ]);
  });

  it('apply only to their own situation, and take the contract uplift', () => {
    const terms = { forced_shopping: { amount: 999 } };
    expect(floorOnly.remedy({ unverified: [], situation: 'extra_shopping', fee: 1000, occurrences: 1, contractTerms: terms })).toMatchObject({ basis: 'standard', floor: 100 });
    const generous = policyWith({ uplifts: { contract: 10 } });
    expect(generous.remedy({ unverified: [], situation: 'forced_shopping', occurrences: 1, contractTerms: terms })).toMatchObject({ floor: 999, offer: 1099 });
  });
});

describe('missing facts', () => {
  it('are listed, and no amount is guessed', () => {
    const r = policyWith().remedy({ unverified: [], situation: 'grade_below_contract' });
    expect(r).toMatchObject({ floor: null, offer: null, missing: ['priceDifference'] });
    expect(r.options.map((o) => [o.part, o.amount, o.needsApproval])).toEqual([['price_difference', null, true], ['same_again', null, true]]);
  });

  it('name every fact a clause still needs, once, and keep what can be computed', () => {
    expect(policyWith().remedy({ unverified: [], situation: 'cancelled_by_agency' }).missing).toEqual(['fee', 'tripType', 'noticeDays']);
    const partial = policyWith().remedy({ unverified: [], situation: 'itinerary_cut', missedItemsCost: 100, fee: null });
    expect(partial.missing).toEqual(['fee', 'unticketedAttractions']);
    expect(amounts(policyWith(), { situation: 'itinerary_cut', missedItemsCost: 100 })).toEqual({ missed_items: 100, same_again: 120, unticketed_attractions: null });
  });

  it('cite clause 4 itself while domestic or outbound is unknown', () => {
    const r = policyWith().remedy({ unverified: [], situation: 'cancelled_by_agency', fee: 1000, noticeDays: 2 });
    expect(r.missing).toEqual(['tripType']);
    expect(r.options.map((o) => o.clause)).toEqual(['4', '4']);
  });
});

describe('goodwill', () => {
  it('is offered when a complaint has no monetary loss', () => {
    const r = policyWith().remedy({ unverified: [], situation: 'grade_below_contract', priceDifference: 0 });
    expect(r.options.map((o) => [o.part, o.kind, o.clause, o.amount, o.needsApproval])).toEqual([
      ['goodwill_voucher', 'voucher', 'agency', 100, false],
      ['manager_call', 'manager_call', 'agency', null, false],
    ]);
    expect(r).toMatchObject({ floor: 0, offer: 100 });
  });

  it('follows the file: no voucher, no call', () => {
    const none = policyWith({ goodwill: { voucher: 0, managerCall: false } });
    expect(none.remedy({ unverified: [], situation: 'extra_shopping', fee: 1000, occurrences: 0 }).options).toEqual([]);
    expect(none.goodwill()).toMatchObject({ floor: 0, offer: 0, options: [] });
  });

  it('is there for complaints that fall under no situation', () => {
    expect(policyWith().goodwill().options.map((o) => o.part)).toEqual(['goodwill_voucher', 'manager_call']);
  });

  it('is not how force majeure is answered: that is help', () => {
    expect(policyWith().remedy({ unverified: [], situation: 'force_majeure' }).options.map((o) => o.part)).toEqual(['assistance']);
  });
});
