import { describe, expect, it } from 'vitest';
import { policyWith } from './helpers.ts';

// Default limits: bot 500, guide 1000, agent 5000, supervisor 50,000; small claims up to 200.
const policy = policyWith();
const needsApproval = (priceDifference: number, unverified: ('priceDifference' | 'fee')[] = []) =>
  policy.remedy({ situation: 'grade_below_contract', priceDifference, unverified }).options.map((o) => o.needsApproval);

describe('the authority ladder', () => {
  it.each([
    ['bot', 500, true], ['bot', 500.01, false],
    ['guide', 1000, true], ['guide', 1000.01, false],
    ['agent', 5000, true], ['agent', 5000.01, false],
    ['supervisor', 50_000, true], ['supervisor', 50_000.01, false],
    ['executive', 1_000_000_000, true],
  ] as const)('%s may confirm %s: %s', (approver, amount, allowed) => {
    expect(policy.canConfirm(approver, amount)).toBe(allowed);
  });

  it.each([[0, 'bot'], [500, 'bot'], [501, 'guide'], [1000.01, 'agent'], [50_000, 'supervisor'], [50_000.01, 'executive']] as const)(
    '%s is confirmed by the %s', (amount, approver) => expect(policy.approverFor(amount)).toBe(approver));

  it('lets the bot confirm an offer within its limit, and sends one above it to staff', () => {
    expect(needsApproval(200)).toEqual([false, false]); // 200 + 240 = 440
    expect(needsApproval(230)).toEqual([true, true]); // 230 + 276 = 506
  });

  it('accepts unverified facts only up to the small-claim threshold', () => {
    expect(needsApproval(90, ['priceDifference'])).toEqual([false, false]); // 90 + 108 = 198
    expect(needsApproval(100, ['priceDifference'])).toEqual([true, true]); // 100 + 120 = 220
    expect(needsApproval(100)).toEqual([false, false]); // the same offer on checked facts
  });

  it('only counts unverified facts the amount rests on', () => {
    expect(needsApproval(100, ['fee'])).toEqual([false, false]);
  });

  it('never needs approval for a manager call or for help', () => {
    const help = policy.remedy({ situation: 'force_majeure', unverified: ['fee'] });
    expect(help.options.every((o) => !o.needsApproval)).toBe(true);
  });

  it('follows the limits in the file', () => {
    const strict = policyWith({ authority: { bot: 0, guide: 0, agent: 100, supervisor: 100 }, smallClaimThreshold: 0 });
    expect(strict.remedy({ unverified: [], situation: 'discriminatory_surcharge', surcharge: 0.01 }).options[0]!.needsApproval).toBe(true);
    expect(strict.remedy({ unverified: [], situation: 'grade_below_contract', priceDifference: 0 }).options.map((o) => o.needsApproval)).toEqual([true, false]);
  });
});
