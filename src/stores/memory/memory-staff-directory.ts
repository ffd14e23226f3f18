import { randomUUID } from 'node:crypto';
import type { NewStaffAccount, StaffAccount, StaffDirectory, StaffSessionRecord } from '../../ports/staff-directory.ts';
import { UsernameTakenError } from '../../ports/staff-directory.ts';

/** The embedded staff directory: gone when the process ends. */
export class MemoryStaffDirectory implements StaffDirectory {
  readonly #accounts = new Map<string, StaffAccount>();
  readonly #sessions = new Map<string, StaffSessionRecord>();

  async add(account: NewStaffAccount, at: Date): Promise<StaffAccount> {
    if (this.#find(account.username)) throw new UsernameTakenError(account.username);
    const created: StaffAccount = structuredClone({ ...account, id: randomUUID(), createdAt: at });
    this.#accounts.set(created.id, created);
    return structuredClone(created);
  }

  async get(id: string): Promise<StaffAccount | undefined> {
    const account = this.#accounts.get(id);
    return account && structuredClone(account);
  }

  async byUsername(username: string): Promise<StaffAccount | undefined> {
    const account = this.#find(username);
    return account && structuredClone(account);
  }

  async list(): Promise<StaffAccount[]> {
    // Code-point order of the lowercased names, as the SQL store's `COLLATE "C"`.
    const byName = (a: StaffAccount, b: StaffAccount) => {
      const [x, y] = [a.username.toLowerCase(), b.username.toLowerCase()];
      return x < y ? -1 : x > y ? 1 : 0;
    };
    return structuredClone([...this.#accounts.values()].sort(byName));
  }

  async createSession(session: StaffSessionRecord): Promise<void> {
    for (const [hash, s] of this.#sessions) if (s.expiresAt <= session.createdAt) this.#sessions.delete(hash);
    this.#sessions.set(session.tokenHash, structuredClone(session));
  }

  async findSession(tokenHash: string, now: Date): Promise<StaffSessionRecord | undefined> {
    const session = this.#sessions.get(tokenHash);
    return session && session.expiresAt > now ? structuredClone(session) : undefined;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.#sessions.delete(tokenHash);
  }

  #find(username: string): StaffAccount | undefined {
    const wanted = username.toLowerCase();
    return [...this.#accounts.values()].find((a) => a.username.toLowerCase() === wanted);
  }
}
