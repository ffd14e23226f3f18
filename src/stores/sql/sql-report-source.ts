import { acceptedTotalOf, costsOf, missedKinds } from '../../reports/report-case.ts';
import type { ReportCase, ReportSource } from '../../reports/report-source.ts';
import { date, json, optionalText, text } from './rows.ts';
import type { Row, SqlDatabase } from './sql-database.ts';

/**
 * Reports in PostgreSQL or PGlite: only the columns reports need, the missed promises
 * gathered per case in SQL, over the index on `created_at` (migrations/008_…sql), so a
 * quarter of ~100k cases is one indexed scan and a small transfer.
 */
export class SqlReportSource implements ReportSource {
  readonly #db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  async casesOpened(from: Date, until: Date): Promise<ReportCase[]> {
    const rows = await this.#db.query(
      `SELECT c.id, c.category, upper(trim(c.facts->>'tour')) AS tour, c.status, c.created_at,
          c.steps ? 'handoff' AS handed_off, c.outcome->'accepted' AS accepted,
          coalesce(c.outcome->'resolution'->'responsible', '[]'::jsonb) AS responsible,
          coalesce((SELECT jsonb_agg(DISTINCT l.payload->>'kind') FROM ledger_entries l
            WHERE l.case_id = c.id AND l.kind = 'deadline' AND l.payload ? 'missed'), '[]'::jsonb) AS missed
        FROM cases c WHERE c.created_at >= $1::timestamptz AND c.created_at < $2::timestamptz
        ORDER BY c.created_at, c.id COLLATE "C"`,
      [from.toISOString(), until.toISOString()],
    );
    return rows.map(toReportCase);
  }
}

function toReportCase(row: Row): ReportCase {
  const tour = optionalText(row, 'tour');
  return {
    id: text(row, 'id'),
    category: text(row, 'category') as ReportCase['category'],
    tour: tour === undefined || tour === '' ? null : tour,
    status: text(row, 'status') as ReportCase['status'],
    openedAt: date(row, 'created_at'),
    handedOff: row.handed_off === true,
    acceptedTotal: acceptedTotalOf({ accepted: row.accepted }),
    responsible: costsOf(json(row, 'responsible', 'array')),
    missed: missedKinds(json(row, 'missed', 'array')),
  };
}
