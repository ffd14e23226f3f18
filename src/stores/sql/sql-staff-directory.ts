import { randomUUID } from 'node:crypto';
import type { NewStaffAccount, StaffAccount, StaffDirectory, StaffSessionRecord } from '../../ports/staff-directory.ts';
import { UsernameTakenError } from '../../ports/staff-directory.ts';
import type { StaffRole } from '../../staff/roles.ts';
import { date, json, jsonParam, text } from './rows.ts';
import type { Row, SqlDatabase } from './sql-database.ts';
import { sqlState } from './sql-database.ts';

/** Staff accounts and sessions in PostgreSQL or PGlite (tables in `migrations/003_…sql`). */
export class SqlStaffDirectory implements StaffDirectory {
  readonly #db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  async add(account: NewStaffAccount, at: Date): Promise<StaffAccount> {
    try {
      const [row] = await this.#db.query(
        `INSERT INTO staff_accounts (id, username, display_name, role, password_hash, teams, created_at)
         VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7::timestamptz) RETURNING *`,
        [randomUUID(), account.username, account.displayName, account.role, account.passwordHash, jsonParam(account.teams), at.toISOString()],
      );
      if (!row) throw new Error('INSERT … RETURNING returned no row');
      return toAccount(row);
    } catch (e) {
      if (sqlState(e) === '23505') throw new UsernameTakenError(account.username);
      throw e;
    }
  }

  async get(id: string): Promise<StaffAccount | undefined> {
    const [row] = await this.#db.query('SELECT * FROM staff_accounts WHERE id = $1', [id]);
    return row && toAccount(row);
  }

  async byUsername(username: string): Promise<StaffAccount | undefined> {
    const [row] = await this.#db.query('SELECT * FROM staff_accounts WHERE lower(username) = lower($1)', [username]);
    return row && toAccount(row);
  }

  async list(): Promise<StaffAccount[]> {
    // Byte order, not the database's locale: the same order as the memory store, whatever the server's collation.
    const rows = await this.#db.query('SELECT * FROM staff_accounts ORDER BY lower(username) COLLATE "C"');
    return rows.map(toAccount);
  }

  async createSession(session: StaffSessionRecord): Promise<void> {
    await this.#db.query('DELETE FROM staff_sessions WHERE expires_at <= $1::timestamptz', [session.createdAt.toISOString()]);
    await this.#db.query(
      'INSERT INTO staff_sessions (token_hash, staff_id, created_at, expires_at) VALUES ($1, $2, $3::timestamptz, $4::timestamptz)',
      [session.tokenHash, session.staffId, session.createdAt.toISOString(), session.expiresAt.toISOString()],
    );
  }

  async findSession(tokenHash: string, now: Date): Promise<StaffSessionRecord | undefined> {
    const [row] = await this.#db.query('SELECT * FROM staff_sessions WHERE token_hash = $1 AND expires_at > $2::timestamptz', [tokenHash, now.toISOString()]);
    return row && {
      tokenHash: text(row, 'token_hash'),
      staffId: text(row, 'staff_id'),
      createdAt: date(row, 'created_at'),
      expiresAt: date(row, 'expires_at'),
    };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.#db.query('DELETE FROM staff_sessions WHERE token_hash = $1', [tokenHash]);
  }
}

function toAccount(row: Row): StaffAccount {
  return {
    id: text(row, 'id'),
    username: text(row, 'username'),
    displayName: text(row, 'display_name'),
    role: text(row, 'role') as StaffRole,
    passwordHash: text(row, 'password_hash'),
    teams: json(row, 'teams', 'array'),
    createdAt: date(row, 'created_at'),
  };
}
