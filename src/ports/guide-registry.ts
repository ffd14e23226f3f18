import type { Channel } from '../conversation/messages.ts';

/** One run of a tour: its code and the day it sets out (yyyy-mm-dd). Complaints and incidents link by it. */
export interface Departure {
  tourCode: string;
  date: string;
}

/** A tour guide the agency registered; their chat account is bound with a one-time code. */
export interface Guide {
  id: string;
  name: string;
  /** Personal data: shown to staff, never logged. */
  phone: string;
  /** The departures they lead, in date order. */
  departures: Departure[];
  createdAt: Date;
}

export type NewGuide = Pick<Guide, 'name' | 'phone' | 'departures'>;

/** A chat account: who writes, on which channel. */
export interface ChatAccount {
  channel: Channel;
  senderId: string;
}

/** Guides, their one-time binding codes and their bound chat accounts. Memory, PGlite or PostgreSQL. */
export interface GuideRegistry {
  add(guide: NewGuide, at: Date): Promise<Guide>;
  get(id: string): Promise<Guide | undefined>;
  list(): Promise<Guide[]>;
  /** Adds departures to those the guide leads (each once). */
  addDepartures(guideId: string, departures: Departure[]): Promise<Guide | undefined>;
  /**
   * Stores a new one-time code by its hash (the code itself is never stored), valid until
   * `expiresAt`; a guide's earlier unused codes stop working.
   */
  issueCode(guideId: string, codeHash: string, expiresAt: Date): Promise<void>;
  /**
   * Binds `account` to the guide of a valid, unused code, atomically: of concurrent redemptions
   * of one code, one succeeds. Returns the guide, or undefined for an unknown, used or expired code.
   * An account bound to another guide before is rebound.
   */
  redeemCode(codeHash: string, account: ChatAccount, at: Date): Promise<Guide | undefined>;
  /** The guide bound to a chat account; undefined for travellers. */
  guideFor(account: ChatAccount): Promise<Guide | undefined>;
}
