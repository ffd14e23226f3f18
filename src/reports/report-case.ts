import type { CaseRecord } from '../ports/case-register.ts';
import type { LedgerEntry } from '../ports/promise-ledger.ts';
import type { CostBorne, PromiseKind, ReportCase } from './report-source.ts';

const promiseKinds: readonly PromiseKind[] = ['first_response', 'promised_action', 'resolution'];

/** `outcome.accepted.total`, if a number. */
export function acceptedTotalOf(outcome: unknown): number | null {
  const total = field(field(outcome, 'accepted'), 'total');
  return typeof total === 'number' && Number.isFinite(total) ? total : null;
}

/** The `{ party, cost }` shares of `outcome.resolution.responsible`, skipping anything malformed. */
export function costsOf(responsible: unknown): CostBorne[] {
  if (!Array.isArray(responsible)) return [];
  return responsible.flatMap((r: unknown) => {
    const party = field(r, 'party');
    const cost = field(r, 'cost');
    return typeof party === 'string' && typeof cost === 'number' && Number.isFinite(cost) ? [{ party, cost }] : [];
  });
}

/** The kinds of the missed-deadline ledger entries, each once, in a fixed order. */
export function missedKinds(kinds: readonly unknown[]): PromiseKind[] {
  return promiseKinds.filter((k) => kinds.includes(k));
}

export const tourKey = (tour: unknown): string | null =>
  typeof tour === 'string' && tour.trim() !== '' ? tour.trim().toUpperCase() : null;

/** A case as reports read it, from the register's record and the case's ledger entries (memory stores). */
export function reportCaseOf(record: CaseRecord, entries: readonly LedgerEntry[]): ReportCase {
  return {
    id: record.id,
    category: record.category,
    tour: tourKey(record.facts.tour),
    status: record.status,
    openedAt: record.createdAt,
    handedOff: record.steps.includes('handoff'),
    acceptedTotal: acceptedTotalOf(record.outcome),
    responsible: costsOf(field(field(record.outcome, 'resolution'), 'responsible')),
    missed: missedKinds(entries.filter((e) => e.kind === 'deadline' && 'missed' in e.payload).map((e) => e.payload.kind)),
  };
}

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
