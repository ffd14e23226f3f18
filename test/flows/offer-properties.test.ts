import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeOffer, offerLines } from '../../flows/complaint/offer.ts';
import { remediesFor } from '../../flows/complaint/figures.ts';
import { remedyCommand } from '../../src/cli/remedy.ts';
import { emptyFacts } from '../../src/conversation/complaint-slice.ts';
import type { ComplaintFacts, FigureSlot } from '../../src/conversation/state.ts';
import { phrase, render } from '../../src/i18n/render.ts';
import type { NumberFact } from '../../src/policy/facts.ts';
import { situationOfProblem } from '../../src/policy/situations.ts';
import { allProblems, categories } from '../../src/taxonomy.ts';
import type { Problem } from '../../src/taxonomy.ts';
import { policyWith } from '../policy/helpers.ts';

/**
 * The money invariant over generated complaints: whatever the traveller told, the offer the flow
 * makes is the policy's, never below the law, the better clause where two could apply, and worded
 * whole in every language while an amount is pending.
 */
const policy = policyWith();
const priced = allProblems.filter((p) => situationOfProblem[p] !== undefined);

const slot = (value: number): FigureSlot => ({ value, from: 0, sure: true, approx: false, stated: null });
const money = fc.option(fc.integer({ min: 1, max: 200_000 }).map(slot), { nil: undefined });
const count = (max: number) => fc.option(fc.integer({ min: 0, max }).map(slot), { nil: undefined });

const facts: fc.Arbitrary<ComplaintFacts> = fc.record({
  category: fc.constantFrom(...categories),
  // Problems whose clauses compete for the same events come often, not once in a thousand.
  problems: fc.tuple(fc.uniqueArray(fc.constantFrom<Problem>(...priced), { maxLength: 3 }), fc.shuffledSubarray<Problem>(['forced_shopping', 'extra_shopping_stop']))
    .map(([some, competing]) => [...new Set([...competing, ...some])]),
  tripType: fc.option(fc.constantFrom('domestic' as const, 'outbound' as const), { nil: null }),
  figures: fc.record({
    fee: money, priceDifference: money, missedItemsCost: money, extrasCost: money, purchasePrice: money,
    surcharge: money, suspendedCosts: money, directLoss: money,
    noticeDays: count(60), occurrences: count(6), unticketedAttractions: count(5),
  }, { requiredKeys: [] }),
}).map(({ category, problems, tripType, figures }) => ({
  ...emptyFacts(), category, problems,
  tripType: tripType ? { value: tripType, from: 0, sure: true } : null,
  // A difference larger than the fee is never kept (figures.ts asks again), so never generated.
  figures: Object.fromEntries(Object.entries(figures).filter(([name, s]) =>
    s !== undefined && !(name === 'priceDifference' && figures.fee && s.value > figures.fee.value))) as Partial<Record<NumberFact, FigureSlot>>,
}));

/** What `tripcare remedy` answers for one situation and the figures told (all unverified, as told). */
async function remedyCli(request: object): Promise<{ floor: number | null; offer: number | null; options: { clause: string; amount: number | null }[] }> {
  const input = new PassThrough();
  const output = new PassThrough();
  const errors = new PassThrough();
  input.end(JSON.stringify(request));
  const code = await remedyCommand(input, output, errors, policy);
  expect(code, String(errors.read() ?? '')).toBe(0);
  return JSON.parse(String(output.read())) as Awaited<ReturnType<typeof remedyCli>>;
}

describe('the offer made from whatever the traveller told', () => {
  it('is never below the legal floor of any clause the facts fall under', () => {
    fc.assert(fc.property(facts, (f) => {
      const offer = makeOffer(remediesFor(f, policy), policy);
      if (offer.total === null) return;
      const numbers = Object.fromEntries(Object.entries(f.figures).map(([k, s]) => [k, s.value]));
      // Each clause alone, even one set aside for a better one: the offer is at least its floor.
      for (const problem of f.problems) {
        const situation = situationOfProblem[problem];
        if (!situation) continue;
        const alone = policy.remedy({ situation, ...numbers, tripType: f.tripType?.value, unverified: [] });
        if (alone.floor !== null) expect(offer.total, `${situation} alone gives ${alone.floor}`).toBeGreaterThanOrEqual(alone.floor);
      }
      for (const o of offer.options) if (o.amount !== null && o.floor !== null) expect(o.amount).toBeGreaterThanOrEqual(o.floor);
    }), { numRuns: 1500 });
  });

  it('has every amount `tripcare remedy` gives for the same facts, and their sum', async () => {
    await fc.assert(fc.asyncProperty(facts, async (f) => {
      const offer = makeOffer(remediesFor(f, policy), policy);
      const numbers = Object.fromEntries(Object.entries(f.figures).map(([k, s]) => [k, s.value]));
      let sum: number | null = 0;
      for (const situation of offer.situations) {
        const told = [...Object.keys(numbers), ...(f.tripType ? ['tripType'] : [])];
        const cli = await remedyCli({ situation, ...numbers, ...(f.tripType ? { tripType: f.tripType.value } : {}), unverified: told });
        const mine = offer.options.filter((o) => o.situation === situation);
        expect(mine.map((o) => [o.clause, o.amount])).toEqual(cli.options.map((o) => [o.clause, o.amount]));
        sum = sum === null || cli.offer === null ? null : sum + cli.offer;
      }
      if (offer.situations.length > 0) {
        if (sum === null) expect(offer.total).toBeNull();
        else expect(offer.total).toBeCloseTo(sum, 2);
      }
    }), { numRuns: 300 });
  });

  it('reads whole in every language: pending amounts as pending, the uplift explained', () => {
    fc.assert(fc.property(facts, fc.constantFrom('en', 'zh-CN', 'zh-TW'), (f, locale) => {
      const offer = makeOffer(remediesFor(f, policy), policy);
      const text = offerLines(offer, policy).map((l) => render(locale, l, 'UTC')).join('\n');
      expect(text).not.toMatch(/\{|\}|undefined|null|NaN/);
      const pending = render(locale, phrase('amount.by_staff'), 'UTC');
      expect(text.includes(pending)).toBe(offer.options.some((o) => o.amount === null && o.kind !== 'manager_call' && o.kind !== 'assistance'));
      // No sentence offers a sum that is not there ("our offer of to be calculated…").
      if (offer.total === null) expect(text).not.toContain(render(locale, phrase('propose.total', { amount: phrase('amount.by_staff') }), 'UTC'));
      // Where the agency gives more than the law, the law's floor is said beside it.
      const floors = offer.options.map((o) => o.floor);
      const floor = floors.every((x) => x !== null) ? floors.reduce<number>((a, x) => a + (x ?? 0), 0) : null;
      if (offer.total !== null && floor !== null && offer.total > floor) {
        expect(text).toContain(render(locale, phrase('amount.fixed', { amount: { amount: floor, currency: policy.currency } }), 'UTC'));
      }
    }), { numRuns: 600 });
  });
});
