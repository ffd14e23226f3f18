import type { AffectedTraveller, Incident, IncidentDraft, IncidentFilter, IncidentRegister } from '../../ports/incident-register.ts';
import { newIncidentNumber } from '../case-number.ts';
import { date, int, json, jsonParam, optionalDate, optionalText, text } from './rows.ts';
import type { Row, SqlDatabase } from './sql-database.ts';
import { sqlState } from './sql-database.ts';

/** The incident's columns and its affected travellers, in the order added; `i` is the incident. */
const incidentColumns = `i.*, (SELECT coalesce(jsonb_agg(jsonb_build_object(
    'conversationKey', a.conversation_key, 'channel', a.channel, 'caseId', a.case_id) ORDER BY a.seq), '[]'::jsonb)
  FROM incident_affected a WHERE a.incident_id = i.id) AS affected`;

/** The columns an `INSERT` of a draft fills, after `id` (`$1`) and its key column (`$2`). */
const draftColumns = 'kind, tour_code, departure_date, type, category, severity, location, description, attachments, reported_by, created_at';
const draftValues = '$3, $4, $5, $6, $7, $8, $9, $10, $11::text::jsonb, $12, $13::timestamptz';

/** Incidents in PostgreSQL or PGlite (tables in `migrations/005_…sql`). */
export class SqlIncidentRegister implements IncidentRegister {
  readonly #db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  async open(idempotencyKey: string, draft: IncidentDraft, at: Date): Promise<Incident> {
    const { id } = await this.#insert('idempotency_key', idempotencyKey, draft, at);
    return present(id, await this.get(id));
  }

  async joinGroup(groupKey: string, draft: IncidentDraft, travellers: AffectedTraveller[], at: Date): Promise<{ incident: Incident; created: boolean }> {
    // The unique group key decides: of concurrent calls one inserts, the others wait for it and find its incident.
    const { id, created } = await this.#insert('group_key', groupKey, draft, at);
    return { incident: present(id, await this.addAffected(id, travellers)), created };
  }

  async get(id: string): Promise<Incident | undefined> {
    const [row] = await this.#db.query(`SELECT ${incidentColumns} FROM incidents i WHERE i.id = $1`, [id]);
    return row && toIncident(row);
  }

  async list({ tourCode, date, unacknowledged, limit = 100 }: IncidentFilter = {}): Promise<Incident[]> {
    const rows = await this.#db.query(
      `SELECT ${incidentColumns} FROM incidents i
       WHERE ($1::text IS NULL OR i.tour_code = $1::text)
         AND ($2::text IS NULL OR i.departure_date = $2::text)
         AND (NOT $3::boolean OR i.acknowledged_at IS NULL)
       ORDER BY i.created_at DESC, i.id COLLATE "C"
       LIMIT $4`,
      [tourCode ?? null, date ?? null, unacknowledged ?? false, limit],
    );
    return rows.map(toIncident);
  }

  async acknowledge(id: string, staffId: string, at: Date): Promise<Incident | undefined> {
    // The condition and the change in one statement: of concurrent acknowledgements the first stays.
    const [row] = await this.#db.query(
      `UPDATE incidents i SET acknowledged_at = $3::timestamptz, acknowledged_by = $2
       WHERE i.id = $1 AND i.acknowledged_at IS NULL RETURNING ${incidentColumns}`,
      [id, staffId, at.toISOString()],
    );
    return row ? toIncident(row) : this.get(id);
  }

  async recordPage(id: string): Promise<Incident | undefined> {
    const [row] = await this.#db.query(`UPDATE incidents i SET pages = i.pages + 1 WHERE i.id = $1 RETURNING ${incidentColumns}`, [id]);
    return row && toIncident(row);
  }

  async addAffected(id: string, travellers: AffectedTraveller[]): Promise<Incident | undefined> {
    // One row per conversation (the key decides), so concurrent additions neither clash nor repeat.
    await this.#db.query(
      `INSERT INTO incident_affected (incident_id, conversation_key, channel, case_id)
       SELECT i.id, t.conversation_key, t.channel, t.case_id
       FROM incidents i, jsonb_to_recordset($2::text::jsonb) AS t(conversation_key text, channel text, case_id text)
       WHERE i.id = $1
       ON CONFLICT (incident_id, conversation_key) DO NOTHING`,
      [id, jsonParam(travellers.map((t) => ({ conversation_key: t.conversationKey, channel: t.channel, case_id: t.caseId })))],
    );
    return this.get(id);
  }

  /**
   * Inserts an incident under `keyColumn = key` unless one is there already; says which number it has
   * and whether this call made it. A new number that happens to be taken is drawn again.
   */
  async #insert(keyColumn: 'idempotency_key' | 'group_key', key: string, draft: IncidentDraft, at: Date): Promise<{ id: string; created: boolean }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      let rows: Row[];
      try {
        rows = await this.#db.query(
          `INSERT INTO incidents (id, ${keyColumn}, ${draftColumns}) VALUES ($1, $2, ${draftValues})
           ON CONFLICT (${keyColumn}) DO NOTHING RETURNING id`,
          [newIncidentNumber(), key, ...draftParams(draft, at)],
        );
      } catch (e) {
        if (sqlState(e) === '23505') continue;
        throw e;
      }
      if (rows[0]) return { id: text(rows[0], 'id'), created: true };
      const [known] = await this.#db.query(`SELECT id FROM incidents WHERE ${keyColumn} = $1`, [key]);
      if (known) return { id: text(known, 'id'), created: false };
    }
    throw new Error('could not draw a free incident number');
  }
}

/** An incident just made or found: incidents are never removed, so it is there. */
function present(id: string, incident: Incident | undefined): Incident {
  if (!incident) throw new Error(`no incident ${id}`);
  return incident;
}

/** `$3` onwards of `draftValues`. */
function draftParams(d: IncidentDraft, at: Date): unknown[] {
  return [d.kind, d.departure?.tourCode ?? null, d.departure?.date ?? null, d.type, d.category, d.severity, d.location,
    d.description, jsonParam(d.attachments), d.reportedBy, at.toISOString()];
}

function toIncident(row: Row): Incident {
  const tourCode = optionalText(row, 'tour_code');
  const departureDate = optionalText(row, 'departure_date');
  return {
    id: text(row, 'id'),
    kind: text(row, 'kind') as Incident['kind'],
    departure: tourCode === undefined || departureDate === undefined ? null : { tourCode, date: departureDate },
    type: text(row, 'type') as Incident['type'],
    category: (optionalText(row, 'category') ?? null) as Incident['category'],
    severity: text(row, 'severity') as Incident['severity'],
    location: optionalText(row, 'location') ?? null,
    description: text(row, 'description'),
    attachments: json(row, 'attachments', 'array'),
    reportedBy: optionalText(row, 'reported_by') ?? null,
    affected: json(row, 'affected', 'array'),
    createdAt: date(row, 'created_at'),
    acknowledgedAt: optionalDate(row, 'acknowledged_at'),
    acknowledgedBy: optionalText(row, 'acknowledged_by') ?? null,
    pages: int(row, 'pages'),
  };
}
