import type { OfferMade } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { Phrase } from '../../src/i18n/render.ts';
import type { AgencyPolicy, Remedy } from '../../src/policy/agency-policy.ts';
import type { Offer } from '../../src/policy/offer.ts';
import type { Situation } from '../../src/policy/situations.ts';

/** The offer for a complaint: the remedies of its situations added up, or goodwill when none applies. */
export function makeOffer(remedies: { situation: Situation; remedy: Remedy }[], policy: AgencyPolicy): OfferMade {
  const parts: { situation: Situation | null; offer: Offer }[] = remedies.length > 0
    ? remedies.map(({ situation, remedy }) => ({ situation, offer: remedy }))
    : [{ situation: null, offer: policy.goodwill() }];
  const options = parts.flatMap(({ situation, offer }) => offer.options.map((o) => ({ ...o, situation })));
  const totals = parts.map(({ offer }) => offer.offer);
  const total = totals.some((t) => t === null) ? null : totals.reduce<number>((a, t) => a + (t ?? 0), 0);
  return {
    situations: remedies.map((r) => r.situation),
    options,
    total,
    needsApproval: total === null || options.some((o) => o.needsApproval) || !policy.canConfirm('bot', total),
    policyVersion: policy.version,
  };
}

const money = (amount: number | null, currency: string): Phrase =>
  amount === null ? phrase('amount.by_staff') : phrase('amount.fixed', { amount: { amount, currency } });

const centsOff = (a: number, b: number) => Math.round((a - b) * 100) / 100;

/** One part: what the label says (the law's amount), and what the agency adds to it, apart. */
function partLine(o: OfferMade['options'][number], currency: string): Phrase {
  if (o.kind === 'manager_call' || o.kind === 'assistance') return phrase('propose.help', { label: o.label });
  if (o.amount !== null && o.floor !== null && o.amount > o.floor) {
    return phrase('propose.part_uplifted', { label: o.label, floor: money(o.floor, currency), extra: money(centsOff(o.amount, o.floor), currency) });
  }
  return phrase('propose.part', { label: o.label, amount: money(o.amount, currency) });
}

/** The offer in plain words: each situation's basis, its parts with their amounts, the total. */
export function offerLines(offer: OfferMade, policy: AgencyPolicy): Phrase[] {
  const lines: Phrase[] = [phrase('propose.intro')];
  const explained = new Set<string>();
  for (const o of offer.options) {
    if (!explained.has(o.clause)) {
      explained.add(o.clause);
      lines.push(phrase('propose.basis', { basis: policy.explain(o.clause) }));
    }
    lines.push(partLine(o, policy.currency));
  }
  if (offer.total !== null && offer.total > 0) lines.push(phrase('propose.total', { amount: money(offer.total, policy.currency) }));
  // Where the agency gives more than the law asks, say so: the traveller sees both.
  const floors = offer.options.map((o) => o.floor);
  const floor = floors.every((f) => f !== null) ? floors.reduce<number>((a, f) => a + (f ?? 0), 0) : null;
  if (offer.total !== null && floor !== null && offer.total > floor) {
    lines.push(phrase('propose.uplift', { floor: money(floor, policy.currency), extra: money(centsOff(offer.total, floor), policy.currency) }));
  }
  if (offer.needsApproval) lines.push(phrase('propose.approval'));
  return lines;
}


