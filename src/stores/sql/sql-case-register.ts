import type { CaseDraft, CaseRecord, CaseRegister, TranscriptEntry } from '../../ports/case-register.ts';
import type { Clock } from '../../ports/clock.ts';
import { newCaseNumber } from '../case-number.ts';
import { date, json, jsonParam, optionalText, text } from './rows.ts';
import type { Row, SqlDatabase } from './sql-database.ts';
import { sqlState } from './sql-database.ts';

/** Draft fields and their columns; `json` ones are bound as `$n::text::jsonb`. */
const fields: { [K in keyof CaseDraft]-?: { column: string; json: boolean } } = {
  conversationKey: { column: 'conversation_key', json: false },
  channel: { column: 'channel', json: false },
  category: { column: 'category', json: false },
  also: { column: 'also', json: true },
  problems: { column: 'problems', json: true },
  severity: { column: 'severity', json: false },
  flags: { column: 'flags', json: true },
  status: { column: 'status', json: false },
  steps: { column: 'steps', json: true },
  facts: { column: 'facts', json: true },
  outcome: { column: 'outcome', json: true },
};
const draftKeys = Object.keys(fields) as (keyof CaseDraft)[];

/** The case register in PostgreSQL or PGlite (tables in `migrations/001_…sql`). */
export class SqlCaseRegister implements CaseRegister {
  readonly #db: SqlDatabase;
  readonly #clock: Clock;

  constructor(db: SqlDatabase, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  async open(idempotencyKey: string, draft: CaseDraft): Promise<CaseRecord> {
    const now = this.#clock.now().toISOString();
    const columns = draftKeys.map((k) => fields[k].column);
    const values = draftKeys.map((k) => (fields[k].json ? jsonParam(draft[k]) : draft[k]));
    const placeholders = draftKeys.map((k, i) => `$${i + 3}${fields[k].json ? '::text::jsonb' : ''}`);
    const at = `$${draftKeys.length + 3}::timestamptz`;
    const sql = `INSERT INTO cases (id, idempotency_key, ${columns.join(', ')}, created_at, updated_at)
      VALUES ($1, $2, ${placeholders.join(', ')}, ${at}, ${at})
      ON CONFLICT (idempotency_key) DO NOTHING RETURNING *`;
    // A new number that happens to be taken (1 in ~729 million per case) is drawn again.
    for (let attempt = 0; attempt < 5; attempt++) {
      let rows: Row[];
      try {
        rows = await this.#db.query(sql, [newCaseNumber(), idempotencyKey, ...values, now]);
      } catch (e) {
        if (sqlState(e) === '23505') continue;
        throw e;
      }
      if (rows[0]) return toCase(rows[0]);
      // Opened before under this key (a retried turn): the draft updates it, as in memory.
      const [known] = await this.#db.query('SELECT id FROM cases WHERE idempotency_key = $1', [idempotencyKey]);
      if (known) return this.update(text(known, 'id'), draft);
    }
    throw new Error('could not draw a free case number');
  }

  async update(id: string, patch: Partial<CaseDraft>): Promise<CaseRecord> {
    const keys = draftKeys.filter((k) => patch[k] !== undefined);
    const sets = keys.map((k, i) => `${fields[k].column} = $${i + 3}${fields[k].json ? '::text::jsonb' : ''}`);
    const values = keys.map((k) => (fields[k].json ? jsonParam(patch[k]) : patch[k]));
    const [row] = await this.#db.query(
      `UPDATE cases SET ${[...sets, 'updated_at = $2::timestamptz'].join(', ')} WHERE id = $1 RETURNING *`,
      [id, this.#clock.now().toISOString(), ...values],
    );
    if (!row) throw new Error(`no case ${id}`);
    return toCase(row);
  }

  async get(id: string): Promise<CaseRecord | undefined> {
    const [row] = await this.#db.query('SELECT * FROM cases WHERE id = $1', [id]);
    return row && toCase(row);
  }

  async appendTranscript(entries: TranscriptEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map((_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6}::timestamptz)`);
    await this.#db.query(
      `INSERT INTO transcript_entries (id, conversation_key, sender, text, step, at)
       VALUES ${rows.join(', ')} ON CONFLICT (id) DO NOTHING`,
      entries.flatMap((e) => [e.id, e.conversationKey, e.from, e.text, e.step ?? null, e.at.toISOString()]),
    );
  }

  async transcript(conversationKey: string): Promise<TranscriptEntry[]> {
    const rows = await this.#db.query('SELECT * FROM transcript_entries WHERE conversation_key = $1 ORDER BY seq', [conversationKey]);
    return rows.map((row) => {
      const step = optionalText(row, 'step');
      return {
        id: text(row, 'id'),
        conversationKey: text(row, 'conversation_key'),
        from: text(row, 'sender') as TranscriptEntry['from'],
        text: text(row, 'text'),
        ...(step === undefined ? {} : { step }),
        at: date(row, 'at'),
      };
    });
  }

  async casesForTour(tourCode: string, since: Date): Promise<CaseRecord[]> {
    // The same expression as the index `cases_tour` (migrations/005_…sql), so the index serves it.
    const rows = await this.#db.query(
      `SELECT * FROM cases WHERE upper(trim(facts->>'tour')) = upper(trim($1::text)) AND created_at >= $2::timestamptz
       ORDER BY created_at, id COLLATE "C"`,
      [tourCode, since.toISOString()],
    );
    return rows.map(toCase);
  }

  async casesOpened(from: Date, until: Date): Promise<CaseRecord[]> {
    const rows = await this.#db.query(
      'SELECT * FROM cases WHERE created_at >= $1::timestamptz AND created_at < $2::timestamptz ORDER BY created_at, id COLLATE "C"',
      [from.toISOString(), until.toISOString()],
    );
    return rows.map(toCase);
  }

  async latestCase(conversationKey: string): Promise<CaseRecord | undefined> {
    const rows = await this.#db.query(
      'SELECT * FROM cases WHERE conversation_key = $1 ORDER BY created_at DESC, id COLLATE "C" DESC LIMIT 1',
      [conversationKey],
    );
    return rows.map(toCase)[0];
  }
}

function toCase(row: Row): CaseRecord {
  return {
    id: text(row, 'id'),
    conversationKey: text(row, 'conversation_key'),
    channel: text(row, 'channel') as CaseRecord['channel'],
    category: text(row, 'category') as CaseRecord['category'],
    also: json(row, 'also', 'array'),
    problems: json(row, 'problems', 'array'),
    severity: text(row, 'severity') as CaseRecord['severity'],
    flags: json(row, 'flags', 'array'),
    status: text(row, 'status') as CaseRecord['status'],
    steps: json(row, 'steps', 'array'),
    facts: json(row, 'facts', 'object'),
    outcome: json(row, 'outcome', 'object or null'),
    createdAt: date(row, 'created_at'),
    updatedAt: date(row, 'updated_at'),
  };
}
