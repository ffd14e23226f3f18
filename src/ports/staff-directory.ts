import type { StaffRole } from '../staff/roles.ts';

/** A person who signs in to the staff console. */
export interface StaffAccount {
  id: string;
  /** Unique regardless of case: `Mei` and `mei` are one account. */
  username: string;
  displayName: string;
  role: StaffRole;
  /** From `hashPassword`; never logged, audited or sent. */
  passwordHash: string;
  teams: string[];
  createdAt: Date;
}

export type NewStaffAccount = Pick<StaffAccount, 'username' | 'displayName' | 'role' | 'passwordHash' | 'teams'>;

/** A signed-in session, found by the hash of its token (the token itself is never stored). */
export interface StaffSessionRecord {
  tokenHash: string;
  staffId: string;
  createdAt: Date;
  expiresAt: Date;
}

export class UsernameTakenError extends Error {
  override name = 'UsernameTakenError';
  constructor(username: string) {
    super(`The username "${username}" is taken.`);
  }
}

/** Staff accounts and their sessions. Memory, PGlite or PostgreSQL. */
export interface StaffDirectory {
  /** Throws `UsernameTakenError` when the username is taken in any case. */
  add(account: NewStaffAccount, at: Date): Promise<StaffAccount>;
  get(id: string): Promise<StaffAccount | undefined>;
  byUsername(username: string): Promise<StaffAccount | undefined>;
  /** Every account, by username regardless of case. */
  list(): Promise<StaffAccount[]>;
  createSession(session: StaffSessionRecord): Promise<void>;
  /** The session, unless it has expired by `now`. */
  findSession(tokenHash: string, now: Date): Promise<StaffSessionRecord | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
}
