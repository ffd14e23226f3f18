import type { AuditLog } from '../ports/audit-log.ts';
import type { Clock } from '../ports/clock.ts';
import type { StaffAccount, StaffDirectory } from '../ports/staff-directory.ts';
import { isLocked, lockoutDefaults } from './lockout.ts';
import type { LockoutRule } from './lockout.ts';
import { hashPassword, scryptDefaults, verifyPassword } from './password.ts';
import type { ScryptParams } from './password.ts';
import { csrfTokenFor, newSessionToken, sameSecret, sessionTokenHash } from './session-token.ts';

/** A staff member as the console sees them: never the hash or the lockout counters. */
export type Staff = Pick<StaffAccount, 'id' | 'username' | 'displayName' | 'role' | 'teams'>;

export interface StaffSession {
  staff: Staff;
  /** Send back in a header or form field with every state-changing request. */
  csrfToken: string;
  expiresAt: Date;
}

export type LoginResult =
  | { ok: true; token: string; session: StaffSession }
  | { ok: false; refusal: 'bad_credentials' | 'locked' };

export interface StaffAuthOptions {
  staff: StaffDirectory;
  audit: AuditLog;
  clock: Clock;
  lockout?: LockoutRule;
  /** A session lasts this long from sign-in. Default 12 hours: a working day. */
  sessionMs?: number;
  /** For the stand-in hash an unknown username is checked against; match the accounts'. */
  scrypt?: ScryptParams;
}

const toStaff = ({ id, username, displayName, role, teams }: StaffAccount): Staff => ({ id, username, displayName, role, teams });

/** Signing staff in and out: passwords, lockout, sessions and their CSRF tokens. */
export class StaffAuth {
  readonly #staff: StaffDirectory;
  readonly #audit: AuditLog;
  readonly #clock: Clock;
  readonly #lockout: LockoutRule;
  readonly #sessionMs: number;
  readonly #standInHash: Promise<string>;

  constructor(options: StaffAuthOptions) {
    this.#staff = options.staff;
    this.#audit = options.audit;
    this.#clock = options.clock;
    this.#lockout = options.lockout ?? lockoutDefaults;
    this.#sessionMs = options.sessionMs ?? 12 * 3_600_000;
    this.#standInHash = hashPassword(newSessionToken(), options.scrypt ?? scryptDefaults);
  }

  async login(username: string, password: string): Promise<LoginResult> {
    const account = await this.#staff.byUsername(username);
    // Unknown usernames cost a hash too, so the time taken does not tell which usernames exist.
    const matches = await verifyPassword(password, account?.passwordHash ?? (await this.#standInHash));
    if (!account) return { ok: false, refusal: 'bad_credentials' };
    const now = this.#clock.now();
    if (isLocked(account.lockedUntil, now)) return { ok: false, refusal: 'locked' };
    if (!matches) return this.#failed(account, now);

    await this.#staff.clearFailedLogins(account.id);
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

  async #failed(account: StaffAccount, now: Date): Promise<LoginResult> {
    const { maxFailures, windowMs, lockMs } = this.#lockout;
    const failures = await this.#staff.recordFailedLogin(account.id, now, new Date(now.getTime() - windowMs));
    if (failures >= maxFailures) {
      const until = new Date(now.getTime() + lockMs);
      await this.#staff.lock(account.id, until);
      await this.#audit.record({ actor: account.id, action: 'staff.locked', target: account.id, details: { failures, until: until.toISOString() }, at: now });
    }
    return { ok: false, refusal: 'bad_credentials' };
  }
}
