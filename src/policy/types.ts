import type { Category, Flag, Problem, Severity } from '../taxonomy.ts';

export type RemedyKind =
  | 'compensation' // money under a clause of the standard
  | 'refund_extras' // the agency bears extras the traveller never agreed to
  | 'fix_now' // put it right on the trip (room change, vehicle, meal)
  | 'manager_call' // goodwill: a manager calls the traveller
  | 'assistance'; // help without liability (force majeure, safety)

/** One remedy the policy allows, with the clause that justifies it. */
export interface RemedyOption {
  id: string;
  kind: RemedyKind;
  /** null while the amount cannot be computed from confirmed facts. */
  amount: number | null;
  currency: string;
  /** Clause of 《旅行社服务质量赔偿标准》 or `agency` for the agency's own standard. */
  clause: string;
  /** Above the bot's authority or resting on unverified facts: a person must approve. */
  needsApproval: boolean;
}

export interface RemedyFacts {
  category: Category;
  problems: Problem[];
  severity: Severity;
  flags: Flag[];
}

export interface Proposal {
  options: RemedyOption[];
  /** Facts the amounts still need (e.g. `fee`, `priceDifference`). */
  missing: string[];
}

/** The single place where money and deadlines are decided. Pure: facts in, decisions out. */
export interface RemedyPolicy {
  propose(facts: RemedyFacts): Proposal;
  /** The concrete time by which a person will answer a case of this severity. */
  responseDue(severity: Severity, from: Date): Date;
}
