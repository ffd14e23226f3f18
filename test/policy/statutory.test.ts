import { describe, expect, it } from 'vitest';
import { amounts, floorOnly, policyWith } from './helpers.ts';

// Every figure below is worked out by hand from shared/COMPENSATION.md, with a policy that adds
// nothing on top, so the amounts are the legal floor alone.
describe('the statutory floor, clause by clause', () => {
  it('3: force majeure owes no money but offers help', () => {
    const r = floorOnly.remedy({ unverified: [], situation: 'force_majeure', fee: 5000 });
    expect(r).toMatchObject({ floor: 0, offer: 0, missing: [], basis: 'standard' });
    expect(r.options).toEqual([expect.objectContaining({ part: 'assistance', kind: 'assistance', clause: '3', amount: null, needsApproval: false })]);
    expect(r.options[0]!.label).toEqual({ key: 'part.assistance' });
  });

  it('4(1): domestic cancellation, told 3 days before: the fee back + 15 %', () => {
    const r = floorOnly.remedy({ unverified: [], situation: 'cancelled_by_agency', tripType: 'domestic', fee: 2000, noticeDays: 3 });
    expect(r.options.map((o) => [o.part, o.clause, o.kind, o.amount])).toEqual([
      ['fee_refund', '4(1)', 'refund', 2000],
      ['late_notice', '4(1)', 'compensation', 300],
    ]);
    expect(r.floor).toBe(2300);
  });

  it('4(2): outbound cancellation, told 10 days before: the fee back + 5 %', () => {
    const r = floorOnly.remedy({ unverified: [], situation: 'cancelled_by_agency', tripType: 'outbound', fee: 10_000, noticeDays: 10 });
    expect(r.options.map((o) => [o.part, o.clause, o.amount])).toEqual([['fee_refund', '4(2)', 10_000], ['late_notice', '4(2)', 500]]);
    expect(r.floor).toBe(10_500);
  });

  it('4: notice in time still gives the fee back, with no penalty part', () => {
    expect(amounts(floorOnly, { situation: 'cancelled_by_agency', tripType: 'domestic', fee: 2000, noticeDays: 8 })).toEqual({ fee_refund: 2000 });
  });

  it('5: transferred without consent: 25 % of the fee; if the contract ends, the money back too', () => {
    expect(amounts(floorOnly, { situation: 'group_transferred', fee: 3000 })).toEqual({ transfer_penalty: 750 });
    expect(amounts(floorOnly, { situation: 'group_transferred', fee: 3000, contractEnded: 'before_departure' }))
      .toEqual({ transfer_penalty: 750, fee_refund: 3000 });
    expect(amounts(floorOnly, { situation: 'group_transferred', fee: 3000, contractEnded: 'during_trip', unincurredCosts: 1200 }))
      .toEqual({ transfer_penalty: 750, unincurred_costs: 1200 });
    expect(floorOnly.remedy({ unverified: [], situation: 'group_transferred', fee: 3000, contractEnded: 'during_trip' }).missing).toEqual(['unincurredCosts']);
  });

  it('6: a discriminatory surcharge comes back in full', () => {
    const r = floorOnly.remedy({ unverified: [], situation: 'discriminatory_surcharge', surcharge: 150 });
    expect(r.options.map((o) => [o.part, o.clause, o.kind, o.amount])).toEqual([['surcharge_refund', '6', 'refund', 150]]);
  });

  it('7: a missed flight: the direct loss + 20 % of it', () => {
    const r = floorOnly.remedy({ unverified: [], situation: 'missed_transport', directLoss: 1280 });
    expect(amounts(floorOnly, { situation: 'missed_transport', directLoss: 1280 })).toEqual({ direct_loss: 1280, loss_penalty: 256 });
    expect(r.floor).toBe(1536);
    expect(r.options.every((o) => o.clause === '7')).toBe(true);
  });

  it('8: below the contract: the difference back + the same again', () => {
    const r = floorOnly.remedy({ unverified: [], situation: 'grade_below_contract', priceDifference: 300 });
    expect(r.options.map((o) => [o.part, o.clause, o.amount])).toEqual([['price_difference', '8', 300], ['same_again', '8', 300]]);
    expect(r.floor).toBe(600);
  });

  it('9: guide below standard: the floor is 1 % of the fee, the policy picks within 1–5 %', () => {
    expect(floorOnly.remedy({ unverified: [], situation: 'guide_below_standard', fee: 4000 }).floor).toBe(40);
    const r = policyWith({ uplifts: {}, ranges: { guidePercent: 3, strandingMultiple: 1 } }).remedy({ unverified: [], situation: 'guide_below_standard', fee: 4000 });
    expect(r).toMatchObject({ floor: 40, offer: 120 });
    expect(r.options[0]).toMatchObject({ part: 'guide_penalty', clause: '9', floor: 40, amount: 120 });
  });

  it('10(1): skipped items: their cost + the same again, and 5 % of the fee per unticketed attraction', () => {
    expect(amounts(floorOnly, { situation: 'itinerary_cut', fee: 4000, missedItemsCost: 180, unticketedAttractions: 2 }))
      .toEqual({ missed_items: 180, same_again: 180, unticketed_attractions: 400 });
    expect(floorOnly.remedy({ unverified: [], situation: 'itinerary_cut', fee: 4000, missedItemsCost: 180, unticketedAttractions: 2 }).floor).toBe(760);
  });

  it('10(2): unsigned paid extras are borne in full', () => {
    expect(floorOnly.remedy({ unverified: [], situation: 'unsigned_paid_extras', extrasCost: 560 }).options)
      .toEqual([expect.objectContaining({ part: 'extras_cost', kind: 'reimbursement', clause: '10(2)', amount: 560 })]);
  });

  it('10(3): 10 % of the fee for each extra shopping stop', () => {
    expect(floorOnly.remedy({ unverified: [], situation: 'extra_shopping', fee: 2500, occurrences: 1 }).floor).toBe(250);
    expect(floorOnly.remedy({ unverified: [], situation: 'extra_shopping', fee: 2500, occurrences: 3 }).floor).toBe(750);
  });

  it('10(4): 20 % of the fee for each time shopping was forced', () => {
    expect(floorOnly.remedy({ unverified: [], situation: 'forced_shopping', fee: 2500, occurrences: 2 }).options)
      .toEqual([expect.objectContaining({ part: 'forced_shopping_penalty', clause: '10(4)', amount: 1000 })]);
  });

  it('10(5) and 10(6): counterfeit goods made good, private sales refunded', () => {
    expect(floorOnly.remedy({ unverified: [], situation: 'counterfeit_goods', purchasePrice: 2680 }).options)
      .toEqual([expect.objectContaining({ part: 'goods_loss', kind: 'reimbursement', clause: '10(5)', amount: 2680 })]);
    expect(floorOnly.remedy({ unverified: [], situation: 'private_selling', purchasePrice: 399 }).options)
      .toEqual([expect.objectContaining({ part: 'purchase_refund', kind: 'refund', clause: '10(6)', amount: 399 })]);
  });

  it('11: services stopped: same-grade costs + 30 % of the fee', () => {
    const r = floorOnly.remedy({ unverified: [], situation: 'services_suspended', fee: 5000, suspendedCosts: 800 });
    expect(r.options.map((o) => [o.part, o.clause, o.amount])).toEqual([['suspended_costs', '11', 800], ['suspension_penalty', '11', 1500]]);
    expect(r.floor).toBe(2300);
  });

  it('Tourism Law art. 70: stranded travellers get 1–3 × the fee on top, only when stranding is stated', () => {
    const stranded = { situation: 'services_suspended', fee: 5000, suspendedCosts: 800, stranded: true, unverified: [] } as const;
    expect(amounts(floorOnly, stranded)).toEqual({ suspended_costs: 800, suspension_penalty: 1500, stranding: 5000 });
    expect(floorOnly.remedy(stranded).options.at(-1)).toMatchObject({ clause: 'tourism-law-70', floor: 5000 });
    const twice = policyWith({ uplifts: {}, ranges: { guidePercent: 3, strandingMultiple: 2 } }).remedy(stranded);
    expect(twice.options.at(-1)).toMatchObject({ part: 'stranding', floor: 5000, amount: 10_000 });
    expect(twice).toMatchObject({ floor: 7300, offer: 12_300 });
    expect(amounts(floorOnly, { ...stranded, stranded: false })).not.toHaveProperty('stranding');
  });

  it('rounds shares of the fee up to the cent, never down', () => {
    expect(floorOnly.remedy({ unverified: [], situation: 'guide_below_standard', fee: 3333.33 }).floor).toBe(33.34);
    expect(floorOnly.remedy({ unverified: [], situation: 'extra_shopping', fee: 0.05, occurrences: 1 }).floor).toBe(0.01);
  });
});
