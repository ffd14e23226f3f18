import type { Channel } from '../../conversation/messages.ts';
import type { Departure } from '../../ports/guide-registry.ts';
import type { DepartureRoster, RosterTraveller, Trip } from '../../ports/departure-roster.ts';

/** The embedded departure roster: gone when the process ends. */
export class MemoryDepartureRoster implements DepartureRoster {
  /** Travellers by ref, per departure (keyed by `departureKey`). */
  readonly #departures = new Map<string, { departure: Departure; travellers: Map<string, RosterTraveller> }>();
  /** Return dates, keyed as `#departures`. */
  readonly #returns = new Map<string, Trip>();

  async put(departure: Departure, travellers: RosterTraveller[]): Promise<void> {
    const key = departureKey(departure);
    const known = this.#departures.get(key) ?? { departure: { tourCode: departure.tourCode, date: departure.date }, travellers: new Map() };
    // A ref listed twice counts once, as its last entry.
    for (const t of new Map(travellers.map((t) => [t.ref, t])).values()) {
      const before = known.travellers.get(t.ref);
      // What is not known now (null) keeps what was: a roster sent again does not forget a chat identity.
      known.travellers.set(t.ref, {
        ref: t.ref,
        name: t.name,
        locale: t.locale ?? before?.locale ?? null,
        channel: t.channel ?? before?.channel ?? null,
        conversationId: t.conversationId ?? before?.conversationId ?? null,
      });
    }
    this.#departures.set(key, known);
  }

  async putTrip(trip: Trip, travellers: RosterTraveller[]): Promise<void> {
    await this.put(trip.departure, travellers);
    this.#returns.set(departureKey(trip.departure), { departure: { tourCode: trip.departure.tourCode, date: trip.departure.date }, returnDate: trip.returnDate });
  }

  async returningFrom(date: string): Promise<Trip[]> {
    const trips = [...this.#returns.values()].filter((t) => t.returnDate >= date);
    return structuredClone(trips.sort((a, b) => compare(a.returnDate, b.returnDate) || compare(a.departure.tourCode, b.departure.tourCode) || compare(a.departure.date, b.departure.date)));
  }

  async travellers(departure: Departure): Promise<RosterTraveller[]> {
    const known = this.#departures.get(departureKey(departure))?.travellers.values() ?? [];
    return structuredClone([...known].sort((a, b) => compare(a.ref, b.ref)));
  }

  async departuresOf(channel: Channel, conversationId: string): Promise<Departure[]> {
    const on = [...this.#departures.values()]
      .filter(({ travellers }) => [...travellers.values()].some((t) => t.channel === channel && t.conversationId === conversationId))
      .map(({ departure }) => departure);
    return structuredClone(on.sort((a, b) => compare(b.date, a.date) || compare(a.tourCode, b.tourCode)));
  }
}

const departureKey = (d: Departure): string => JSON.stringify([d.tourCode, d.date]);

/** Byte order, as in SQL. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
