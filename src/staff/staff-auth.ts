import type { AuditLog } from '../ports/audit-log.ts';
import type { Clock } from '../ports/clock.ts';
import type { RateLimiter, RateLimits, RateRule } from '../ports/rate-limits.ts';
import type { StaffAccount, StaffDirectory } from '../ports/staff-directory.ts';
import { HashGate } from './hash-gate.ts';
import { hashPassword, scryptDefaults, verifyPassword } from './password.ts';
import type { ScryptParams } from './password.ts';
import { csrfTokenFor, newSessionToken, sameSecret, sessionTokenHash } from './session-token.ts';

/** A staff member as the console sees them: never the hash. */
export type Staff = Pick<StaffAccount, 'id' | 'username' | 'displayName' | 'role' | 'teams'>;

export interface StaffSession {
  staff: Staff;
  /** Send back in a header or form field with every state-changing request. */
  csrfToken: string;
  expiresAt: Date;
}

export type LoginResult =
  | { ok: true; token: string; session: StaffSession }
  | { ok: false; refusal: 'bad_credentials' }
  /** Too many wrong passwords for the username from this address, or too many sign-ins hashing at once. */
  | { ok: false; refusal: 'backing_off' | 'busy'; retryAfterMs: number };

/**
 * Wrong passwords per username and address: after 5 within 15 minutes that address waits out
 * the 15 minutes for that username. A stranger elsewhere cannot keep a colleague out.
 */
const failureRule: RateRule = { points: 5, seconds: 15 * 60 };
/** Turned away by the gate: a second later the burst has usually passed. */
const busyRetryMs = 1_000;

export interface StaffAuthOptions {
  staff: StaffDirectory;
  audit: AuditLog;
  clock: Clock;
  /** Where wrong passwords are counted, per username and address. */
  limits: RateLimits;
  /** Default: its own, 2 hashes at once. */
  gate?: HashGate;
  /** A session lasts this long from sign-in. Default 12 hours: a working day. */
  sessionMs?: number;
  /** For the stand-in hash an unknown username is checked against; match the accounts'. */
  scrypt?: ScryptParams;
}

const toStaff = ({ id, username, displayName, role, teams }: StaffAccount): Staff => ({ id, username, displayName, role, teams });

/** Signing staff in and out: passwords, backing off after wrong ones, sessions and their CSRF tokens. */
export class StaffAuth {
  readonly #staff: StaffDirectory;
  readonly #audit: AuditLog;
  readonly #clock: Clock;
  readonly #failures: RateLimiter;
  readonly #gate: HashGate;
  readonly #sessionMs: number;
  readonly #standInHash: Promise<string>;

  constructor(options: StaffAuthOptions) {
    this.#staff = options.staff;
    this.#audit = options.audit;
    this.#clock = options.clock;
    this.#failures = options.limits.limiter('staff.sign_in_failures', failureRule);
    this.#gate = options.gate ?? new HashGate();
    this.#sessionMs = options.sessionMs ?? 12 * 3_600_000;
    this.#standInHash = hashPassword(newSessionToken(), options.scrypt ?? scryptDefaults);
  }

  /** `address` is the client's (see `clientAddress`): wrong passwords are counted per username and address. */
  async login(username: string, password: string, address: string): Promise<LoginResult> {
    // Keyed on the name typed, not the account: unknown names back off alike, so backing off tells nothing.
    const key = `${username.toLowerCase()}|${address}`;
    const backoff = await this.#failures.peek(key);
    if (!backoff.allowed) return { ok: false, refusal: 'backing_off', retryAfterMs: backoff.retryAfterMs };
    const account = await this.#staff.byUsername(username);
    // Unknown usernames cost a hash too, so the time taken does not tell which usernames exist.
    const stored = account?.passwordHash ?? (await this.#standInHash);
    const checked = await this.#gate.run(() => verifyPassword(password, stored));
    if (!checked.ran) return { ok: false, refusal: 'busy', retryAfterMs: busyRetryMs };
    const now = this.#clock.now();
    if (!account || !checked.value) return this.#failed(key, account, now);

    await this.#failures.forget(key);
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + this.#sessionMs);
    await this.#staff.createSession({ tokenHash: sessionTokenHash(token), staffId: account.id, createdAt: now, expiresAt });
    await this.#audit.record({ actor: account.id, action: 'staff.login', target: account.id, details: {}, at: now });
    return { ok: true, token, session: { staff: toStaff(account), csrfToken: csrfTokenFor(token), expiresAt } };
  }

  /** The session a token (from the cookie) opens, or null: unknown, expired or logged out. */
  async session(token: string): Promise<StaffSession | null> {
    const found = await this.#staff.findSession(sessionTokenHash(token), this.#clock.now());
    const account = found && (await this.#staff.get(found.staffId));
    if (!found || !account) return null;
    return { staff: toStaff(account), csrfToken: csrfTokenFor(token), expiresAt: found.expiresAt };
  }

  async logout(token: string): Promise<void> {
    const session = await this.session(token);
    await this.#staff.deleteSession(sessionTokenHash(token));
    if (session) await this.#audit.record({ actor: session.staff.id, action: 'staff.logout', target: session.staff.id, details: {}, at: this.#clock.now() });
  }

  /** Whether `csrfToken` (from a header or form field) is the session's own. */
  checkCsrf(session: StaffSession, csrfToken: string | undefined): boolean {
    return csrfToken !== undefined && sameSecret(session.csrfToken, csrfToken);
  }

  async #failed(key: string, account: StaffAccount | undefined, now: Date): Promise<LoginResult> {
    const counted = await this.#failures.take(key);
    // The failure that starts a wait is audited on the account, without the address (personal data).
    if (account && counted.allowed && counted.left === 0) {
      const details = { failures: failureRule.points, minutes: failureRule.seconds / 60 };
      await this.#audit.record({ actor: account.id, action: 'staff.sign_in_backoff', target: account.id, details, at: now });
    }
    return { ok: false, refusal: 'bad_credentials' };
  }
}
