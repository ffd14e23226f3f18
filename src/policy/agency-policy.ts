import { createHash } from 'node:crypto';
import type { Money } from '../money.ts';
import type { Phrase } from '../i18n/render.ts';
import type { Category, Problem, Severity } from '../taxonomy.ts';
import { approverFor, canConfirm } from './authority.ts';
import type { Approver } from './authority.ts';
import { fromCents, roundToStep, toCents } from './cents.ts';
import type { ClauseId } from './clause-ids.ts';
import { withContractTerms } from './contract-parts.ts';
import type { Basis } from './contract-parts.ts';
import { incentiveTier } from './group-bonus.ts';
import type { GroupBonus, IncentiveTier } from './group-bonus.ts';
import { clauseExplanation } from './labels.ts';
import { buildOffer } from './offer.ts';
import type { Offer } from './offer.ts';
import type { PolicySettings } from './policy-file.ts';
import { caseFacts } from './remedy-input.ts';
import type { RemedyRequest } from './remedy-input.ts';
import { situationsOf } from './situations.ts';
import type { Situation } from './situations.ts';
import { rangeFloor, statutoryParts } from './statutory.ts';

/** The remedy for one situation: the floor, the agency's offer, its parts, and what is still missing. */
export interface Remedy extends Offer {
  situation: Situation;
  /** `contract` when the booking's own terms replaced the standard's compensation. */
  basis: Basis;
  currency: string;
  /** Which policy decided, for the ledger. */
  policyVersion: string;
}

/**
 * The single place where money is decided. Pure: the same facts and policy always give the
 * same answer, and every amount names the clause that justifies it.
 *
 * @example
 * const policy = await loadPolicy(); // src/policy/default-policy.yaml
 * for (const situation of policy.situationsOf('accommodation', ['hotel_downgraded'])) {
 *   const r = policy.remedy({ situation, priceDifference: 300, unverified: ['priceDifference'] });
 *   // r.floor 600 (clause 8: 300 back + 300 again), r.offer 660 with a 20 % uplift,
 *   // r.options[i].needsApproval true: 660 is above the bot's limit
 * }
 * policy.canConfirm('agent', 660); // true
 * policy.responseDue('high', new Date()); // when a person must answer
 */
export class AgencyPolicy {
  /** The file's `version` plus a hash of the settings as parsed (comments and layout do not change it). */
  readonly version: string;
  readonly currency: string;
  readonly #settings: PolicySettings;

  /** `settings` as `parsePolicy` or `policySchema` returns them; `loadPolicy` does both. */
  constructor(settings: PolicySettings) {
    this.#settings = structuredClone(settings);
    this.currency = settings.currency;
    this.version = `${settings.version}+${createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 8)}`;
  }

  /** The remedy for one situation. Throws a RemedyInputError naming each bad fact. */
  remedy(request: RemedyRequest): Remedy {
    const facts = caseFacts(request, this.#settings);
    const floor = withContractTerms(statutoryParts(facts, rangeFloor), facts);
    const chosen = withContractTerms(statutoryParts(facts, this.#settings.ranges), facts);
    const offer = buildOffer(floor.parts, chosen.parts, facts, this.#settings);
    return { situation: facts.situation, basis: floor.basis, currency: this.currency, policyVersion: this.version, ...offer };
  }

  /** Goodwill for a complaint that falls under no situation (a suggestion, a privacy worry…). */
  goodwill(): Offer {
    return buildOffer([], [], { situation: null, unverified: new Set() }, this.#settings);
  }

  /** Which situations a complaint falls under, by its category and problems. */
  /**
   * A sum the traveller named, in the policy's currency; null for a currency the policy has no
   * rate for (staff convert it). The policy's own currency is itself.
   */
  inCurrency(money: Money): number | null {
    const rate = money.currency === this.currency ? 1 : this.#settings.exchangeRates[money.currency];
    return rate === undefined ? null : Math.round(money.amount * rate * 100) / 100;
  }

  situationsOf(category: Category, problems: readonly Problem[]): Situation[] {
    return situationsOf(category, problems);
  }

  /** What a clause covers and gives, in plain words, in every locale. */
  explain(clause: ClauseId): Phrase {
    return clauseExplanation(clause);
  }

  /** Whether `approver` may confirm an offer of `amount` for one case. */
  canConfirm(approver: Approver, amount: number): boolean {
    return canConfirm(this.#settings.authority, approver, amount);
  }

  /** The least senior approver who may confirm `amount`. */
  approverFor(amount: number): Approver {
    return approverFor(this.#settings.authority, amount);
  }

  /** The bonus tiers for a group accepting a settlement early, earliest first. */
  get incentiveTiers(): readonly IncentiveTier[] {
    return this.#settings.groupIncentives;
  }

  /** The bonus for a group accepting a settlement of `offerAmount` at `acceptedAt`, offered at `offeredAt`. */
  groupBonus(offerAmount: number, offeredAt: Date, acceptedAt: Date): GroupBonus {
    if (!Number.isFinite(offerAmount) || offerAmount < 0) throw new RangeError('offerAmount must be a finite amount, not negative');
    const tier = incentiveTier(this.#settings.groupIncentives, offeredAt, acceptedAt);
    if (!tier) return { withinHours: null, percent: 0, amount: 0 };
    const { step, mode } = this.#settings.rounding;
    const bonus = roundToStep((toCents(offerAmount) * tier.percent) / 100, toCents(step), mode);
    return { withinHours: tier.withinHours, percent: tier.percent, amount: fromCents(bonus) };
  }

  /** The time by which a person answers a case of this severity (the agency's published commitment). */
  responseDue(severity: Severity, from: Date): Date {
    return new Date(from.getTime() + this.#settings.responseMinutes[severity] * 60_000);
  }

  /** The time by which a case of this severity should be resolved. */
  resolutionDue(severity: Severity, from: Date): Date {
    return new Date(from.getTime() + this.#settings.resolutionHours[severity] * 3_600_000);
  }
}
