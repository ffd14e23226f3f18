import { percentOf, toCents } from './cents.ts';
import type { CaseFacts } from './facts.ts';
import { computed } from './parts.ts';
import type { FloorPart } from './parts.ts';

export type Basis = 'standard' | 'contract';

/**
 * Contract first: where the booking has its own term for this situation, it replaces the
 * standard's compensation; refunds and reimbursements of what was paid or lost stay as they are,
 * and so does what the Tourism Law gives, which no contract overrides.
 */
export function withContractTerms(parts: FloorPart[], facts: CaseFacts): { parts: FloorPart[]; basis: Basis } {
  const term = facts.contractTerms[facts.situation];
  if (!term) return { parts, basis: 'standard' };
  const spec = { part: 'contract_terms', kind: 'compensation', clause: 'contract' } as const;
  const times = term.perOccurrence ? (['occurrences'] as const) : [];
  const count = (v: Partial<Record<'occurrences', number>>) => v.occurrences ?? 1;
  const part = 'percentOfFee' in term
    ? computed(spec, facts.numbers, ['fee', ...times], (v) => percentOf(v.fee, term.percentOfFee) * count(v))
    : computed(spec, facts.numbers, times, (v) => toCents(term.amount) * count(v));
  const kept = parts.filter((p) => p.kind !== 'compensation' || p.clause === 'tourism-law-70');
  return { parts: [...kept, { ...part, uses: [...part.uses, 'contractTerms'] }], basis: 'contract' };
}
