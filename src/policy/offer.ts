import type { Phrase } from '../i18n/render.ts';
import { canConfirm } from './authority.ts';
import { fromCents, roundToStep, toCents } from './cents.ts';
import type { ClauseId } from './clause-ids.ts';
import type { FactName } from './facts.ts';
import { partLabel } from './labels.ts';
import { moneyKinds } from './parts.ts';
import type { FloorPart, OfferKind, PartId } from './parts.ts';
import type { PolicySettings } from './policy-file.ts';
import type { Situation } from './situations.ts';

/** One part of an offer, with the clause that justifies it. */
export interface OfferOption {
  part: PartId;
  kind: OfferKind;
  clause: ClauseId;
  /** What the agency offers; null for help (no money) or while a fact is missing. */
  amount: number | null;
  /** What the law or the contract alone requires of this part (0 for goodwill); null as for `amount`. */
  floor: number | null;
  /** A person must approve: above the bot's authority, facts missing, or unverified facts above the small-claim threshold. */
  needsApproval: boolean;
  label: Phrase;
}

/** The parts of the agency's standard that shape an offer. */
export type OfferSettings = Pick<PolicySettings, 'rounding' | 'uplifts' | 'goodwill' | 'authority' | 'smallClaimThreshold'>;

export interface Offer {
  /** The floor in total (money parts only); null while facts are missing. */
  floor: number | null;
  /** The offer in total, the agency's standard included; null while facts are missing. */
  offer: number | null;
  options: OfferOption[];
  missing: FactName[];
}

/** The situation (null for a complaint that falls under none) and the facts nobody has checked. */
export interface OfferContext {
  situation: Situation | null;
  unverified: ReadonlySet<FactName>;
}

interface Priced {
  floor: FloorPart;
  offerCents: number | null;
}

/**
 * Puts the agency's standard on the floor: compensation is raised by the clause's uplift and
 * rounded as the policy says, never below the floor; refunds and reimbursements give back exactly
 * what was paid or lost. `floorParts` are at the low end of every range, `basisParts` (same
 * order) at the policy's choice within it. A complaint with no money owed gets goodwill instead.
 */
export function buildOffer(floorParts: FloorPart[], basisParts: FloorPart[], context: OfferContext, s: OfferSettings): Offer {
  const priced: Priced[] = floorParts
    .map((floor, i) => ({ floor, offerCents: offerCents(floor, basisParts[i] ?? floor, s) }))
    .filter(({ floor }) => floor.cents !== 0); // nothing owed under this part: not an option
  const money = priced.filter(({ floor }) => moneyKinds.has(floor.kind));
  const floorCents = sum(money.map(({ floor }) => floor.cents)); // null exactly when a fact is missing
  if (floorCents === 0 && context.situation !== 'force_majeure') priced.push(...goodwillParts(s));
  const offerTotal = sum(priced.filter(({ floor }) => moneyKinds.has(floor.kind)).map(({ offerCents }) => offerCents));
  const restsOnUnverified = money.some(({ floor }) => floor.uses.some((f) => context.unverified.has(f)));
  const needsApproval = offerTotal === null
    || !canConfirm(s.authority, 'bot', fromCents(offerTotal))
    || (restsOnUnverified && fromCents(offerTotal) > s.smallClaimThreshold);
  return {
    floor: amountOf(floorCents),
    offer: amountOf(offerTotal),
    options: priced.map(({ floor, offerCents }) => ({
      part: floor.part,
      kind: floor.kind,
      clause: floor.clause,
      amount: amountOf(offerCents),
      floor: amountOf(floor.cents),
      needsApproval: moneyKinds.has(floor.kind) && needsApproval,
      label: partLabel(floor.part),
    })),
    missing: [...new Set(priced.flatMap(({ floor }) => floor.needs))],
  };
}

/** Goodwill for a complaint with no monetary loss: the agency's voucher and a manager's call, as configured. */
function goodwillParts(s: OfferSettings): Priced[] {
  const parts: Priced[] = [];
  const voucher = toCents(s.goodwill.voucher);
  if (voucher > 0) parts.push({ floor: { part: 'goodwill_voucher', kind: 'voucher', clause: 'agency', cents: 0, uses: [], needs: [] }, offerCents: voucher });
  if (s.goodwill.managerCall) parts.push({ floor: { part: 'manager_call', kind: 'manager_call', clause: 'agency', cents: null, uses: [], needs: [] }, offerCents: null });
  return parts;
}

function offerCents(floor: FloorPart, basis: FloorPart, s: OfferSettings): number | null {
  if (floor.cents === null || basis.cents === null) return null;
  if (floor.kind !== 'compensation') return floor.cents;
  const uplift = (s.uplifts as Partial<Record<ClauseId, number>>)[floor.clause] ?? 0;
  return roundToStep((basis.cents * (100 + uplift)) / 100, toCents(s.rounding.step), s.rounding.mode, floor.cents);
}

const amountOf = (cents: number | null): number | null => (cents === null ? null : fromCents(cents));

const sum = (cents: (number | null)[]): number | null =>
  cents.some((c) => c === null) ? null : cents.reduce<number>((a, c) => a + (c ?? 0), 0);
