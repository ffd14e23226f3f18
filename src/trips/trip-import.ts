import type { AuditLog } from '../ports/audit-log.ts';
import type { Clock } from '../ports/clock.ts';
import type { DepartureRoster, RosterTraveller, Trip } from '../ports/departure-roster.ts';
import type { CheckedRows, RowError, TripRow } from './trip-rows.ts';

export interface TripImportParts {
  roster: DepartureRoster;
  audit: AuditLog;
  clock: Clock;
  /** Schedules a trip's greetings and says how many; absent where no queue runs (they are scheduled at start). */
  scheduleGreetings?: (trip: Trip) => Promise<number>;
}

/** What an import did: trips and travellers kept, greetings scheduled, and the rows refused. */
export interface TripImport {
  trips: number;
  travellers: number;
  greetings: number;
  errors: RowError[];
}

/**
 * Keeps the checked rows' trips and travellers and schedules their greetings. A departure has one
 * return date: a row giving another one is refused, naming the line that set it.
 */
export async function importTrips(p: TripImportParts, actor: string, checked: CheckedRows): Promise<TripImport> {
  const trips = new Map<string, { trip: Trip; line: number; travellers: RosterTraveller[] }>();
  const errors = [...checked.errors];
  for (const { line, row } of checked.rows) {
    const key = `${row.tourCode}/${row.departureDate}`;
    const known = trips.get(key) ?? { trip: { departure: { tourCode: row.tourCode, date: row.departureDate }, returnDate: row.returnDate }, line, travellers: [] };
    if (known.trip.returnDate !== row.returnDate) {
      errors.push({ line, field: 'return_date', message: `differs from line ${known.line}'s ${known.trip.returnDate} for the same departure` });
      continue;
    }
    known.travellers.push(traveller(row));
    trips.set(key, known);
  }
  let greetings = 0;
  for (const { trip, travellers } of trips.values()) {
    await p.roster.putTrip(trip, travellers);
    greetings += (await p.scheduleGreetings?.(trip)) ?? 0;
  }
  const travellers = [...trips.values()].reduce((n, t) => n + t.travellers.length, 0);
  const done = { trips: trips.size, travellers, greetings, errors: errors.sort((a, b) => a.line - b.line) };
  await p.audit.record({ actor, action: 'trips.import', target: null, details: { trips: done.trips, travellers, greetings, refused: errors.length }, at: p.clock.now() });
  return done;
}

const traveller = (row: TripRow): RosterTraveller => ({
  ref: row.ref, name: row.name, locale: row.locale, channel: row.channel, conversationId: row.conversationId,
});
