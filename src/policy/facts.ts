import type { ContractTerms } from './contract-terms.ts';
import type { Schedule, TripType } from './notice-schedules.ts';
import type { Situation } from './situations.ts';

/** Facts that are sums of money, in the policy's currency. */
export const moneyFacts = [
  'fee', 'directLoss', 'priceDifference', 'missedItemsCost', 'extrasCost',
  'purchasePrice', 'surcharge', 'suspendedCosts', 'unincurredCosts',
] as const;
export type MoneyFact = (typeof moneyFacts)[number];

/** Facts that are counts. */
export const countFacts = ['noticeDays', 'unticketedAttractions', 'occurrences'] as const;
export type CountFact = (typeof countFacts)[number];

export type NumberFact = MoneyFact | CountFact;

/** Every fact a clause may need; `missing` and `unverified` name these. */
export const factNames = [...moneyFacts, ...countFacts, 'tripType', 'stranded', 'contractEnded', 'contractTerms'] as const;
export type FactName = (typeof factNames)[number];

/** The facts of one situation, validated; money in cents so sums are exact. */
export interface CaseFacts {
  situation: Situation;
  tripType: TripType | undefined;
  schedule: Schedule;
  /** Money facts in cents, counts as they are; absent when not (yet) known. */
  numbers: Partial<Record<NumberFact, number>>;
  /** Travellers left stranded by an agency refusing to perform (Tourism Law art. 70). */
  stranded: boolean;
  /** Clause 5: the contract ended because of the transfer, before departure or during the trip. */
  contractEnded: 'before_departure' | 'during_trip' | undefined;
  contractTerms: ContractTerms;
  /** Facts stated by the traveller and not yet checked by staff. */
  unverified: ReadonlySet<FactName>;
}
