import type { OfferMade } from '../conversation/state.ts';
import type { LedgerEntry } from '../ports/promise-ledger.ts';
import type { AgencyPolicy } from '../policy/agency-policy.ts';
import type { Approver } from '../policy/authority.ts';
import { moneyKinds } from '../policy/parts.ts';
import { DeskError } from './desk-error.ts';

/** An approval as the ledger records it: one part of the offer, at the amount approved. */
export interface Approval {
  part: string;
  amount: number | null;
  total: number | null;
  approvedBy: string;
  approver: Approver;
}

/**
 * The case's offer as it stands: the last one the bot made (the ledger has them all),
 * with the approvals recorded since applied to it. Null when no offer was made.
 */
export function currentOffer(entries: LedgerEntry[]): OfferMade | null {
  let offer: OfferMade | null = null;
  for (const entry of entries) {
    if (entry.kind === 'offer') offer = entry.payload as unknown as OfferMade;
    if (entry.kind === 'approval' && offer) offer = applyApproval(offer, entry.payload as unknown as Approval);
  }
  return offer;
}

/** Ledger kinds `refusal` counted: how often the traveller said no. */
export const refusals = (entries: LedgerEntry[]): number => entries.filter((e) => e.kind === 'refusal').length;

/** The offer with `approval` applied. */
export function applyApproval(offer: OfferMade, approval: Approval): OfferMade {
  const options = offer.options.map((o) => (o.part === approval.part ? { ...o, amount: approval.amount, needsApproval: false } : o));
  return { ...offer, options, total: approval.total, needsApproval: options.some((o) => o.needsApproval) };
}

/**
 * Approves one part of an offer, at its amount or a changed one: never below what the
 * law or contract requires of it, and within the approver's authority for the case's new total.
 */
export function approve(offer: OfferMade, part: string, change: { amount?: number | undefined; approver: Approver; approvedBy: string }, policy: AgencyPolicy): Approval {
  const option = offer.options.find((o) => o.part === part);
  if (!option) throw new DeskError(404, 'remedy_not_found', `the offer has no remedy "${part}"`);
  if (!option.needsApproval) throw new DeskError(409, 'remedy_needs_no_approval', `the remedy "${part}" needs no approval, or is approved already`);
  const isMoney = moneyKinds.has(option.kind);
  const amount = isMoney ? (change.amount ?? option.amount) : null;
  if (isMoney && amount === null) throw new DeskError(400, 'amount_required', 'the amount of this remedy waits for checked facts: give the amount to approve');
  if (amount !== null && option.floor !== null && amount < option.floor) {
    throw new DeskError(400, 'amount_below_floor', `the amount may not be below ${option.floor} ${policy.currency}, what the law or the contract requires`, { floor: option.floor, currency: policy.currency });
  }
  const others = offer.options.filter((o) => o.part !== part && moneyKinds.has(o.kind)).map((o) => o.amount);
  const total = others.some((a) => a === null) ? null : others.reduce<number>((sum, a) => sum + (a ?? 0), amount ?? 0);
  if (total !== null && !policy.canConfirm(change.approver, total)) {
    const approver = policy.approverFor(total);
    throw new DeskError(403, 'beyond_authority', `a total of ${total} ${policy.currency} is beyond ${withArticle(change.approver)}'s authority: it needs ${withArticle(approver)}`, { role: change.approver, approver });
  }
  return { part, amount, total, approvedBy: change.approvedBy, approver: change.approver };
}

/** "an agent", "a supervisor", "an executive". */
const withArticle = (role: Approver): string => `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
