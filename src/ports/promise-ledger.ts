/** What the ledger records: every offer, answer and promised deadline. */
export type LedgerKind = 'offer' | 'acceptance' | 'refusal' | 'deadline' | 'approval';

export interface LedgerRecord {
  caseId: string;
  kind: LedgerKind;
  /** The offer, answer or deadline itself, as plain JSON. */
  payload: Record<string, unknown>;
  /** The policy version that decided it. */
  policyVersion: string;
  at: Date;
  /** A record whose key the ledger holds already is not appended again: a turn redone after a crash. */
  key?: string;
}

/** A record as appended: numbered, and chained to the one before it by hash. */
export interface LedgerEntry extends LedgerRecord {
  seq: number;
  prevHash: string;
  hash: string;
}

/**
 * The promise ledger: append-only, each entry hashed with the hash of the one
 * before it, so any later edit or deletion breaks the chain (`tripcare ledger verify`).
 */
export interface PromiseLedger {
  /** Appends records in order, atomically: concurrent appends still form one chain. Returns those appended. */
  append(records: LedgerRecord[]): Promise<LedgerEntry[]>;
  /** Entries in order, all or for one case. */
  entries(caseId?: string): Promise<LedgerEntry[]>;
}
