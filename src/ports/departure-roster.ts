import type { Channel } from '../conversation/messages.ts';
import type { Locale } from '../taxonomy.ts';
import type { Departure } from './guide-registry.ts';

/** A traveller on a departure, with their chat identity where it is known. */
export interface RosterTraveller {
  /** The agency's own reference (booking or passenger number); unique within a departure. */
  ref: string;
  /** Personal data: never logged or shown to partners. */
  name: string;
  locale: Locale | null;
  /** Where the bot can reach them; null until known. */
  channel: Channel | null;
  conversationId: string | null;
}

/** A departure with the date its travellers come home (yyyy-mm-dd, the agency's calendar). */
export interface Trip {
  departure: Departure;
  returnDate: string;
}

/** Who travels on which departure, and when they return. Memory, PGlite or PostgreSQL. */
export interface DepartureRoster {
  /** Adds or updates travellers of a departure by `ref`. */
  put(departure: Departure, travellers: RosterTraveller[]): Promise<void>;
  /** As `put`, and sets (or moves) the departure's return date. */
  putTrip(trip: Trip, travellers: RosterTraveller[]): Promise<void>;
  travellers(departure: Departure): Promise<RosterTraveller[]>;
  /** The trips returning on `date` or later, by return date then tour code and departure date. */
  returningFrom(date: string): Promise<Trip[]>;
  /** The departures a chat identity is on, latest first. */
  departuresOf(channel: Channel, conversationId: string): Promise<Departure[]>;
}
