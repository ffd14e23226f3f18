import type { Channel } from '../../conversation/messages.ts';
import type { Departure } from '../../ports/guide-registry.ts';
import type { DepartureRoster, RosterTraveller, Trip } from '../../ports/departure-roster.ts';
import { jsonParam, optionalText, text } from './rows.ts';
import type { SqlDatabase } from './sql-database.ts';

/** Who travels on which departure, in PostgreSQL or PGlite (tables in `migrations/005_…sql` and `006_trips.sql`). */
export class SqlDepartureRoster implements DepartureRoster {
  readonly #db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  async put(departure: Departure, travellers: RosterTraveller[]): Promise<void> {
    // One statement for the whole list. A ref listed twice counts once, as its last entry (as in memory);
    // what is not known now (null) keeps what was, so a roster sent again does not forget a chat identity.
    await this.#db.query(
      `INSERT INTO roster_travellers AS r (tour_code, departure_date, ref, name, locale, channel, conversation_id)
       SELECT DISTINCT ON (t.ref) $1, $2, t.ref, t.name, t.locale, t.channel, t.conversation_id
       FROM ROWS FROM (jsonb_to_recordset($3::text::jsonb) AS (ref text, name text, locale text, channel text, conversation_id text))
         WITH ORDINALITY AS t(ref, name, locale, channel, conversation_id, n)
       ORDER BY t.ref, t.n DESC
       ON CONFLICT (tour_code, departure_date, ref) DO UPDATE SET
         name = EXCLUDED.name,
         locale = coalesce(EXCLUDED.locale, r.locale),
         channel = coalesce(EXCLUDED.channel, r.channel),
         conversation_id = coalesce(EXCLUDED.conversation_id, r.conversation_id)`,
      [departure.tourCode, departure.date, jsonParam(travellers.map((t) => ({
        ref: t.ref, name: t.name, locale: t.locale, channel: t.channel, conversation_id: t.conversationId,
      })))],
    );
  }

  async putTrip(trip: Trip, travellers: RosterTraveller[]): Promise<void> {
    const { tourCode, date } = trip.departure;
    await this.put(trip.departure, travellers);
    await this.#db.query(
      `INSERT INTO trips (tour_code, departure_date, return_date) VALUES ($1, $2, $3)
       ON CONFLICT (tour_code, departure_date) DO UPDATE SET return_date = EXCLUDED.return_date`,
      [tourCode, date, trip.returnDate],
    );
  }

  async returningFrom(date: string): Promise<Trip[]> {
    const rows = await this.#db.query(
      `SELECT * FROM trips WHERE return_date >= $1
       ORDER BY return_date COLLATE "C", tour_code COLLATE "C", departure_date COLLATE "C"`,
      [date],
    );
    return rows.map((row) => ({ departure: { tourCode: text(row, 'tour_code'), date: text(row, 'departure_date') }, returnDate: text(row, 'return_date') }));
  }

  async travellers(departure: Departure): Promise<RosterTraveller[]> {
    const rows = await this.#db.query(
      'SELECT * FROM roster_travellers WHERE tour_code = $1 AND departure_date = $2 ORDER BY ref COLLATE "C"',
      [departure.tourCode, departure.date],
    );
    return rows.map((row) => ({
      ref: text(row, 'ref'),
      name: text(row, 'name'),
      locale: (optionalText(row, 'locale') ?? null) as RosterTraveller['locale'],
      channel: (optionalText(row, 'channel') ?? null) as RosterTraveller['channel'],
      conversationId: optionalText(row, 'conversation_id') ?? null,
    }));
  }

  async departuresOf(channel: Channel, conversationId: string): Promise<Departure[]> {
    const rows = await this.#db.query(
      `SELECT tour_code, departure_date FROM roster_travellers WHERE channel = $1 AND conversation_id = $2
       GROUP BY tour_code, departure_date
       ORDER BY departure_date COLLATE "C" DESC, tour_code COLLATE "C"`,
      [channel, conversationId],
    );
    return rows.map((row) => ({ tourCode: text(row, 'tour_code'), date: text(row, 'departure_date') }));
  }
}
