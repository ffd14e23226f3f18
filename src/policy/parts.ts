import type { ClauseId } from './clause-ids.ts';
import type { FactName, NumberFact } from './facts.ts';

/**
 * What a part of an offer does: `refund` gives back what the traveller paid, `reimbursement`
 * makes good a cost or loss, `compensation` is paid on top (违约金), `voucher` is goodwill;
 * `manager_call` and `assistance` are help, not money.
 */
export const offerKinds = ['refund', 'reimbursement', 'compensation', 'voucher', 'manager_call', 'assistance'] as const;
export type OfferKind = (typeof offerKinds)[number];

export const moneyKinds: ReadonlySet<OfferKind> = new Set(['refund', 'reimbursement', 'compensation', 'voucher']);

/** Each part has a stable id (for the ledger and the flows) and a label `part.<id>` in every locale. */
export const partIds = [
  'fee_refund', 'late_notice', 'transfer_penalty', 'unincurred_costs', 'surcharge_refund',
  'direct_loss', 'loss_penalty', 'price_difference', 'same_again', 'guide_penalty',
  'missed_items', 'unticketed_attractions', 'extras_cost', 'extra_shopping_penalty', 'forced_shopping_penalty',
  'goods_loss', 'purchase_refund', 'suspended_costs', 'suspension_penalty', 'stranding',
  'contract_terms', 'goodwill_voucher', 'manager_call', 'assistance',
] as const;
export type PartId = (typeof partIds)[number];

/** One part of the floor as the law or the contract gives it; `cents` is null while `needs` is not empty. */
export interface FloorPart {
  part: PartId;
  kind: OfferKind;
  clause: ClauseId;
  cents: number | null;
  /** The facts the amount rests on (for deciding whether unverified facts carry it). */
  uses: readonly FactName[];
  /** The facts still missing for the amount. */
  needs: readonly FactName[];
}

type Spec = Pick<FloorPart, 'part' | 'kind' | 'clause'>;

/** A part computed from number facts, or left open naming the facts it still needs. */
export function computed<F extends NumberFact>(
  spec: Spec,
  numbers: Partial<Record<NumberFact, number>>,
  uses: readonly F[],
  compute: (v: Record<F, number>) => number,
): FloorPart {
  const needs = uses.filter((name) => numbers[name] === undefined);
  if (needs.length > 0) return open(spec, uses, needs);
  const values = Object.fromEntries(uses.map((name) => [name, numbers[name]])) as Record<F, number>;
  return { ...spec, cents: compute(values), uses, needs: [] };
}

/** A part whose amount cannot be computed yet. */
export const open = (spec: Spec, uses: readonly FactName[], needs: readonly FactName[]): FloorPart =>
  ({ ...spec, cents: null, uses, needs });

/** A part that is help, not money. */
export const help = (spec: Spec): FloorPart => ({ ...spec, cents: null, uses: [], needs: [] });
