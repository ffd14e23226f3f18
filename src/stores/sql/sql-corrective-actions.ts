import type { ActionTargetKind, CorrectiveAction, CorrectiveActions, NewCorrectiveAction } from '../../ports/corrective-actions.ts';
import { newActionNumber } from '../case-number.ts';
import { date, optionalDate, text } from './rows.ts';
import type { Row, SqlDatabase } from './sql-database.ts';
import { sqlState } from './sql-database.ts';

/** Corrective actions in PostgreSQL or PGlite (table in `migrations/008_…sql`). */
export class SqlCorrectiveActions implements CorrectiveActions {
  readonly #db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  async open(action: NewCorrectiveAction): Promise<CorrectiveAction> {
    // A number that happens to be taken is drawn again, as for cases.
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const [row] = await this.#db.query(
          `INSERT INTO corrective_actions (id, target_kind, target_value, title, owner_id, due_date, status, opened_by, opened_at)
           VALUES ($1, $2, $3, $4, $5, $6::date, 'open', $7, $8::timestamptz) RETURNING ${columns}`,
          [newActionNumber(), action.target.kind, action.target.value, action.title, action.ownerId, action.dueDate, action.openedBy, action.openedAt.toISOString()],
        );
        if (row) return toAction(row);
      } catch (e) {
        if (sqlState(e) !== '23505') throw e;
      }
    }
    throw new Error('could not draw a free corrective action number');
  }

  async get(id: string): Promise<CorrectiveAction | undefined> {
    const [row] = await this.#db.query(`SELECT ${columns} FROM corrective_actions WHERE id = $1`, [id]);
    return row && toAction(row);
  }

  async list(): Promise<CorrectiveAction[]> {
    const rows = await this.#db.query(`SELECT ${columns} FROM corrective_actions ORDER BY opened_at DESC, id COLLATE "C"`);
    return rows.map(toAction);
  }

  async markDone(id: string, at: Date): Promise<CorrectiveAction | undefined> {
    await this.#db.query("UPDATE corrective_actions SET status = 'done', done_at = $2::timestamptz WHERE id = $1 AND status = 'open'", [id, at.toISOString()]);
    return this.get(id);
  }
}

/** The due date as text: drivers would turn a `date` into a local-midnight Date. */
const columns = "id, target_kind, target_value, title, owner_id, to_char(due_date, 'YYYY-MM-DD') AS due_date, status, opened_by, opened_at, done_at";

function toAction(row: Row): CorrectiveAction {
  return {
    id: text(row, 'id'),
    target: { kind: text(row, 'target_kind') as ActionTargetKind, value: text(row, 'target_value') },
    title: text(row, 'title'),
    ownerId: text(row, 'owner_id'),
    dueDate: text(row, 'due_date'),
    status: text(row, 'status') as CorrectiveAction['status'],
    openedBy: text(row, 'opened_by'),
    openedAt: date(row, 'opened_at'),
    doneAt: optionalDate(row, 'done_at'),
  };
}
