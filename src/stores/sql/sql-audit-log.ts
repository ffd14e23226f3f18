import type { AuditEntry, AuditFilter, AuditLog } from '../../ports/audit-log.ts';
import { checkAuditDetails } from '../../ports/audit-log.ts';
import { date, json, jsonParam, optionalText, text } from './rows.ts';
import type { SqlDatabase } from './sql-database.ts';

/** The audit log in PostgreSQL or PGlite (`migrations/003_…sql`; a trigger keeps it append-only). */
export class SqlAuditLog implements AuditLog {
  readonly #db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  async record(entry: AuditEntry): Promise<void> {
    checkAuditDetails(entry.details);
    await this.#db.query(
      'INSERT INTO audit_log (actor, action, target, details, at) VALUES ($1, $2, $3, $4::text::jsonb, $5::timestamptz)',
      [entry.actor, entry.action, entry.target, jsonParam(entry.details), entry.at.toISOString()],
    );
  }

  async entries({ actor, target, limit = 100 }: AuditFilter = {}): Promise<AuditEntry[]> {
    const rows = await this.#db.query(
      `SELECT * FROM audit_log WHERE ($1::text IS NULL OR actor = $1) AND ($2::text IS NULL OR target = $2)
       ORDER BY seq DESC LIMIT $3`,
      [actor ?? null, target ?? null, limit],
    );
    return rows.map((row) => ({
      actor: text(row, 'actor'),
      action: text(row, 'action'),
      target: optionalText(row, 'target') ?? null,
      details: json(row, 'details', 'object'),
      at: date(row, 'at'),
    }));
  }
}
