import { randomUUID } from 'node:crypto';
import type { ChatAccount, Departure, Guide, GuideRegistry, NewGuide } from '../../ports/guide-registry.ts';
import { date, json, jsonParam, text } from './rows.ts';
import type { Row, SqlDatabase } from './sql-database.ts';

/** The departures of a jsonb list, each once, in date order then by tour code: as the memory registry keeps them. */
const departureSet = (list: string): string =>
  `(SELECT coalesce(jsonb_agg(d ORDER BY d->>'date' COLLATE "C", d->>'tourCode' COLLATE "C"), '[]'::jsonb)
    FROM (SELECT DISTINCT d FROM jsonb_array_elements(${list}) AS e(d)) AS s)`;

/** Guides, their codes and their chat accounts in PostgreSQL or PGlite (tables in `migrations/005_…sql`). */
export class SqlGuideRegistry implements GuideRegistry {
  readonly #db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  async add(guide: NewGuide, at: Date): Promise<Guide> {
    const [row] = await this.#db.query(
      `INSERT INTO guides (id, name, phone, departures, created_at)
       VALUES ($1, $2, $3, ${departureSet('$4::text::jsonb')}, $5::timestamptz) RETURNING *`,
      [randomUUID(), guide.name, guide.phone, departuresParam(guide.departures), at.toISOString()],
    );
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    return toGuide(row);
  }

  async get(id: string): Promise<Guide | undefined> {
    const [row] = await this.#db.query('SELECT * FROM guides WHERE id = $1', [id]);
    return row && toGuide(row);
  }

  async list(): Promise<Guide[]> {
    // Byte order, not the database's locale: the same order as the memory registry.
    const rows = await this.#db.query('SELECT * FROM guides ORDER BY name COLLATE "C", id COLLATE "C"');
    return rows.map(toGuide);
  }

  async addDepartures(guideId: string, departures: Departure[]): Promise<Guide | undefined> {
    // Merged in the statement itself, so concurrent additions all stay.
    const [row] = await this.#db.query(
      `UPDATE guides SET departures = ${departureSet('departures || $2::text::jsonb')} WHERE id = $1 RETURNING *`,
      [guideId, departuresParam(departures)],
    );
    return row && toGuide(row);
  }

  async issueCode(guideId: string, codeHash: string, expiresAt: Date): Promise<void> {
    await this.#db.transaction(async (tx) => {
      // The guide's row is locked first, so of two codes issued at once only the later one stays valid.
      const [guide] = await tx.query('SELECT id FROM guides WHERE id = $1 FOR UPDATE', [guideId]);
      if (!guide) throw new Error(`no guide ${guideId}`);
      await tx.query('DELETE FROM guide_codes WHERE guide_id = $1 AND used_at IS NULL', [guideId]);
      await tx.query(
        'INSERT INTO guide_codes (code_hash, guide_id, expires_at) VALUES ($1, $2, $3::timestamptz)',
        [codeHash, guideId, expiresAt.toISOString()],
      );
    });
  }

  async redeemCode(codeHash: string, account: ChatAccount, at: Date): Promise<Guide | undefined> {
    // Using the code and binding the account in one statement: of concurrent redemptions
    // one finds the code unused, the others find it used once the first commits.
    const [row] = await this.#db.query(
      `WITH used AS (
         UPDATE guide_codes SET used_at = $4::timestamptz
         WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $4::timestamptz RETURNING guide_id)
       INSERT INTO guide_bindings (channel, sender_id, guide_id) SELECT $2, $3, guide_id FROM used
       ON CONFLICT (channel, sender_id) DO UPDATE SET guide_id = EXCLUDED.guide_id
       RETURNING guide_id`,
      [codeHash, account.channel, account.senderId, at.toISOString()],
    );
    return row && this.get(text(row, 'guide_id'));
  }

  async guideFor(account: ChatAccount): Promise<Guide | undefined> {
    const [row] = await this.#db.query(
      'SELECT g.* FROM guide_bindings b JOIN guides g ON g.id = b.guide_id WHERE b.channel = $1 AND b.sender_id = $2',
      [account.channel, account.senderId],
    );
    return row && toGuide(row);
  }
}

/** Only the two fields: a caller's extra properties would make one departure look like two. */
const departuresParam = (departures: Departure[]): string | null => jsonParam(departures.map(({ tourCode, date }) => ({ tourCode, date })));

function toGuide(row: Row): Guide {
  return {
    id: text(row, 'id'),
    name: text(row, 'name'),
    phone: text(row, 'phone'),
    departures: json(row, 'departures', 'array'),
    createdAt: date(row, 'created_at'),
  };
}
