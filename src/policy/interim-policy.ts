import { clauseOfCategory, clauseOfProblem, fixableOnTrip } from './clauses.ts';
import type { Proposal, RemedyFacts, RemedyOption, RemedyPolicy } from './types.ts';
import type { Severity } from '../taxonomy.ts';

/** Minutes within which a person answers, by severity (the agency's published commitment). */
const responseMinutes: Record<Severity, number> = { critical: 10, high: 30, medium: 120, low: 24 * 60 };

/**
 * The policy until amounts are computed from the standard: it names the
 * clause that applies and leaves every amount to staff (needsApproval), so
 * the bot never states a sum nobody decided.
 */
export class InterimPolicy implements RemedyPolicy {
  readonly currency: string;

  constructor(currency = 'CNY') {
    this.currency = currency;
  }

  propose(facts: RemedyFacts): Proposal {
    const options: RemedyOption[] = [];
    const add = (kind: RemedyOption['kind'], clause: string, needsApproval: boolean) =>
      options.push({ id: `${kind}:${clause}`, kind, amount: null, currency: this.currency, clause, needsApproval });

    if (facts.problems.some((p) => fixableOnTrip.has(p))) add('fix_now', 'agency', false);
    const clauses = new Set(facts.problems.map((p) => clauseOfProblem[p]).filter((c) => c !== undefined));
    const fallback = clauseOfCategory[facts.category];
    if (clauses.size === 0 && fallback) clauses.add(fallback);
    for (const clause of clauses) add(clause.startsWith('10(2)') ? 'refund_extras' : 'compensation', clause, true);
    add('manager_call', 'agency', false);
    return { options, missing: clauses.size > 0 ? ['fee'] : [] };
  }

  responseDue(severity: Severity, from: Date): Date {
    return new Date(from.getTime() + responseMinutes[severity] * 60_000);
  }
}
