import { describe, expect, it } from 'vitest';
import { RemedyInputError } from '../../src/policy/remedy-input.ts';
import type { RemedyRequest } from '../../src/policy/remedy-input.ts';
import { policyWith } from './helpers.ts';

const policy = policyWith();
const errorOf = (request: unknown): string => {
  try {
    policy.remedy(request as RemedyRequest);
  } catch (e) {
    expect(e).toBeInstanceOf(RemedyInputError);
    return (e as Error).message;
  }
  throw new Error('the request was accepted');
};

describe('bad facts are refused with a message naming each', () => {
  it.each([
    [{ situation: 'lost_luggage' }, 'situation: Invalid option'],
    [{ situation: 'grade_below_contract', priceDifference: -1 }, 'priceDifference: must not be negative'],
    [{ situation: 'guide_below_standard', fee: 10_000_001 }, 'fee: must be at most 10,000,000'],
    [{ situation: 'guide_below_standard', fee: Number.NaN }, 'fee:'],
    [{ situation: 'guide_below_standard', fee: Number.POSITIVE_INFINITY }, 'fee:'],
    [{ situation: 'guide_below_standard', fee: '3000' }, 'fee: Invalid input: expected number'],
    [{ situation: 'forced_shopping', fee: 1000, occurrences: 101 }, 'occurrences: must be at most 100'],
    [{ situation: 'forced_shopping', fee: 1000, occurrences: 1.5 }, 'occurrences: must be a whole number'],
    [{ situation: 'itinerary_cut', unticketedAttractions: -2 }, 'unticketedAttractions: must not be negative'],
    [{ situation: 'cancelled_by_agency', noticeDays: 2.5 }, 'noticeDays: must be a whole number of days'],
    [{ situation: 'cancelled_by_agency', tripType: 'inbound' }, 'tripType: Invalid option'],
    [{ situation: 'cancelled_by_agency', schedule: '2014' }, 'schedule: Invalid option'],
    [{ situation: 'grade_below_contract', priceDiference: 300 }, 'input: Unrecognized key: "priceDiference"'],
    [{ situation: 'grade_below_contract', unverified: ['mood'] }, 'unverified.0: Invalid option'],
    [{ situation: 'grade_below_contract', currency: 'usd' }, 'currency: must be an ISO 4217 code'],
    [{ situation: 'grade_below_contract', currency: 'USD' }, 'currency: the policy decides in CNY, not USD'],
    [{ situation: 'grade_below_contract', contractTerms: { grade_below_contract: { percent: 5 } } }, 'contractTerms.grade_below_contract: must be {"percentOfFee": n} or {"amount": n}'],
    [{ situation: 'grade_below_contract', contractTerms: { grade_below_contract: { percentOfFee: 301 } } }, 'contractTerms.grade_below_contract'],
    [{}, 'situation: Invalid option'],
    [null, 'input: Invalid input: expected object'],
  ])('%j', (request, message) => {
    expect(errorOf(request)).toContain(message);
  });

  it('lists every bad field at once', () => {
    expect(errorOf({ situation: 'missed_transport', directLoss: -5, fee: -1 })).toBe('fee: must not be negative; directLoss: must not be negative');
  });

  it('takes null as "not known yet", like a missing fact', () => {
    expect(policy.remedy({ unverified: [], situation: 'missed_transport', directLoss: null, tripType: null }).missing).toEqual(['directLoss']);
  });
});
