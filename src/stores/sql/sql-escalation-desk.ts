import type { ClaimResult, DeskLevel, DeskNote, EscalationDesk, NewTicket, Ticket, TicketFilter } from '../../ports/escalation-desk.ts';
import { deskLevels, severityRank } from '../../ports/escalation-desk.ts';
import { date, json, jsonParam, optionalDate, optionalText, text } from './rows.ts';
import type { Row, SqlDatabase } from './sql-database.ts';

/** `CASE column WHEN 'a' THEN 0 … END`, from the port's own ranks, so SQL and memory order alike. */
const rankOf = (column: string, ranks: Record<string, number>): string =>
  `CASE ${column} ${Object.entries(ranks).map(([value, rank]) => `WHEN '${value}' THEN ${rank}`).join(' ')} END`;
const severityRankOf = (column: string): string => rankOf(column, severityRank);
const levelRankOf = (column: string): string => rankOf(column, Object.fromEntries(deskLevels.map((level, i) => [level, i])));

/** A ticket still someone's work keeps its owner and opening time when opened again. */
const active = "t.status IN ('waiting', 'claimed')";

/** Most severe first, then longest waiting; the case id (byte order, as in memory) keeps ties in one order. */
const queueOrder = `${severityRankOf('severity')}, opened_at, case_id COLLATE "C"`;

/** The staff desk in PostgreSQL or PGlite (tables in `migrations/004_desk.sql`). */
export class SqlEscalationDesk implements EscalationDesk {
  readonly #db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  async open(t: NewTicket): Promise<Ticket> {
    // One statement: concurrent escalations of one case end in one ticket.
    const [row] = await this.#db.query(
      `INSERT INTO desk_tickets AS t (case_id, conversation_key, channel, team, level, reason, severity, category, flags,
         status, owner_id, opened_at, respond_by, resolve_by, alerted_at, shared_with, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb,
         'waiting', NULL, $10::timestamptz, $11::timestamptz, $12::timestamptz, NULL, '[]', $10::timestamptz)
       ON CONFLICT (case_id) DO UPDATE SET
         conversation_key = EXCLUDED.conversation_key,
         channel = EXCLUDED.channel,
         team = EXCLUDED.team,
         level = CASE WHEN ${active} AND ${levelRankOf('t.level')} > ${levelRankOf('EXCLUDED.level')} THEN t.level ELSE EXCLUDED.level END,
         reason = EXCLUDED.reason,
         severity = CASE WHEN ${active} AND ${severityRankOf('t.severity')} < ${severityRankOf('EXCLUDED.severity')} THEN t.severity ELSE EXCLUDED.severity END,
         category = EXCLUDED.category,
         flags = EXCLUDED.flags,
         status = CASE WHEN ${active} THEN t.status ELSE 'waiting' END,
         owner_id = CASE WHEN ${active} THEN t.owner_id END,
         opened_at = CASE WHEN ${active} THEN t.opened_at ELSE EXCLUDED.opened_at END,
         respond_by = EXCLUDED.respond_by,
         resolve_by = EXCLUDED.resolve_by,
         alerted_at = CASE WHEN ${active} THEN t.alerted_at END,
         updated_at = EXCLUDED.updated_at
       RETURNING *`,
      [t.caseId, t.conversationKey, t.channel, t.team, t.level, t.reason, t.severity, t.category, jsonParam(t.flags),
        t.openedAt.toISOString(), t.respondBy?.toISOString() ?? null, t.resolveBy?.toISOString() ?? null],
    );
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    return toTicket(row);
  }

  async get(caseId: string): Promise<Ticket | undefined> {
    const [row] = await this.#db.query('SELECT * FROM desk_tickets WHERE case_id = $1', [caseId]);
    return row && toTicket(row);
  }

  async list({ statuses = ['waiting', 'claimed'], team, ownerId, sharedWith }: TicketFilter = {}): Promise<Ticket[]> {
    const rows = await this.#db.query(
      `SELECT * FROM desk_tickets
       WHERE status IN (SELECT jsonb_array_elements_text($1::text::jsonb))
         AND ($2::text IS NULL OR team = $2::text)
         AND ($3::text IS NULL OR owner_id = $3::text)
         AND ($4::text IS NULL OR shared_with @> jsonb_build_array($4::text))
       ORDER BY ${queueOrder}`,
      [jsonParam(statuses), team ?? null, ownerId ?? null, sharedWith ?? null],
    );
    return rows.map(toTicket);
  }

  async claim(caseId: string, staffId: string, at: Date): Promise<ClaimResult> {
    // The condition and the change in one statement: of concurrent claims, one finds the ticket waiting.
    return this.#change(
      caseId,
      `UPDATE desk_tickets SET status = 'claimed', owner_id = $2::text, updated_at = $3::timestamptz
       WHERE case_id = $1 AND (status = 'waiting' OR (status = 'claimed' AND owner_id = $2::text)) RETURNING *`,
      [caseId, staffId, at.toISOString()],
    );
  }

  async assign(caseId: string, change: { ownerId: string | null; level: DeskLevel; expectedOwnerId: string | null }, at: Date): Promise<ClaimResult> {
    return this.#change(
      caseId,
      `UPDATE desk_tickets SET
         status = CASE WHEN $2::text IS NULL THEN 'waiting' ELSE 'claimed' END,
         owner_id = $2::text, level = $3, updated_at = $5::timestamptz
       WHERE case_id = $1 AND status IN ('waiting', 'claimed') AND owner_id IS NOT DISTINCT FROM $4::text RETURNING *`,
      [caseId, change.ownerId, change.level, change.expectedOwnerId, at.toISOString()],
    );
  }

  async finish(caseId: string, status: 'closed' | 'handed_back', at: Date): Promise<Ticket | undefined> {
    const [row] = await this.#db.query(
      'UPDATE desk_tickets SET status = $2, updated_at = $3::timestamptz WHERE case_id = $1 RETURNING *',
      [caseId, status, at.toISOString()],
    );
    return row && toTicket(row);
  }

  async markAlerted(caseId: string, at: Date): Promise<void> {
    await this.#db.query('UPDATE desk_tickets SET alerted_at = $2::timestamptz WHERE case_id = $1', [caseId, at.toISOString()]);
  }

  async share(caseId: string, partnerId: string, at: Date): Promise<Ticket | undefined> {
    // Appended in the statement itself, so concurrent shares with different partners all stay.
    const [row] = await this.#db.query(
      `UPDATE desk_tickets SET
         shared_with = CASE WHEN shared_with @> jsonb_build_array($2::text) THEN shared_with ELSE shared_with || jsonb_build_array($2::text) END,
         updated_at = $3::timestamptz
       WHERE case_id = $1 RETURNING *`,
      [caseId, partnerId, at.toISOString()],
    );
    return row && toTicket(row);
  }

  async addNote(note: DeskNote): Promise<void> {
    await this.#db.query(
      'INSERT INTO desk_notes (case_id, author_id, text, at) VALUES ($1, $2, $3, $4::timestamptz)',
      [note.caseId, note.authorId, note.text, note.at.toISOString()],
    );
  }

  async notes(caseId: string): Promise<DeskNote[]> {
    const rows = await this.#db.query('SELECT * FROM desk_notes WHERE case_id = $1 ORDER BY at, seq', [caseId]);
    return rows.map((row) => ({ caseId: text(row, 'case_id'), authorId: text(row, 'author_id'), text: text(row, 'text'), at: date(row, 'at') }));
  }

  /** Runs a conditional `UPDATE … RETURNING *`; when it changed nothing, says how the ticket stands. */
  async #change(caseId: string, sql: string, params: unknown[]): Promise<ClaimResult> {
    const [row] = await this.#db.query(sql, params);
    if (row) return { ok: true, ticket: toTicket(row) };
    return { ok: false, ticket: await this.get(caseId) };
  }
}

function toTicket(row: Row): Ticket {
  return {
    caseId: text(row, 'case_id'),
    conversationKey: text(row, 'conversation_key'),
    channel: text(row, 'channel') as Ticket['channel'],
    team: text(row, 'team'),
    level: text(row, 'level') as Ticket['level'],
    reason: text(row, 'reason') as Ticket['reason'],
    severity: text(row, 'severity') as Ticket['severity'],
    category: text(row, 'category') as Ticket['category'],
    flags: json(row, 'flags', 'array'),
    status: text(row, 'status') as Ticket['status'],
    ownerId: optionalText(row, 'owner_id') ?? null,
    openedAt: date(row, 'opened_at'),
    respondBy: optionalDate(row, 'respond_by'),
    resolveBy: optionalDate(row, 'resolve_by'),
    alertedAt: optionalDate(row, 'alerted_at'),
    sharedWith: json(row, 'shared_with', 'array'),
    updatedAt: date(row, 'updated_at'),
  };
}
