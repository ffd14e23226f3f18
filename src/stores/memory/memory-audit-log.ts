import type { AuditEntry, AuditFilter, AuditLog } from '../../ports/audit-log.ts';
import { checkAuditDetails } from '../../ports/audit-log.ts';

/** The embedded audit log: gone when the process ends. */
export class MemoryAuditLog implements AuditLog {
  readonly #entries: AuditEntry[] = [];

  async record(entry: AuditEntry): Promise<void> {
    checkAuditDetails(entry.details);
    this.#entries.push(structuredClone(entry));
  }

  async entries({ actor, target, limit = 100 }: AuditFilter = {}): Promise<AuditEntry[]> {
    const matching = this.#entries.filter((e) => (actor === undefined || e.actor === actor) && (target === undefined || e.target === target));
    return structuredClone(matching.reverse().slice(0, limit));
  }
}
