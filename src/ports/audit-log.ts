/** Plain JSON: what an audit entry's details may hold. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface AuditEntry {
  /** A staff id, or `cli` for the command line. */
  actor: string;
  /** Dotted, e.g. `staff.add`, `staff.login`. */
  action: string;
  /** What was acted on (a staff id, a case number), or null. */
  target: string | null;
  details: { [key: string]: Json };
  at: Date;
}

export interface AuditFilter {
  actor?: string;
  target?: string;
  /** Default 100. */
  limit?: number;
}

/** Who did what, when: append-only, there is no way here to change or remove an entry. */
export interface AuditLog {
  /** Throws if the details are not plain JSON or name a secret (see `checkAuditDetails`). */
  record(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  entries(filter?: AuditFilter): Promise<AuditEntry[]>;
}

/** Keys that suggest a secret: the audit log is read by people, it must never hold one. */
const secretKey = /password|passwd|token|secret|hash|cookie|csrf/i;

/** Throws unless `details` is plain JSON (what goes in comes out) without secret-looking keys. */
export function checkAuditDetails(details: unknown, path = 'details'): void {
  if (details === null || typeof details === 'string' || typeof details === 'boolean') return;
  if (typeof details === 'number') {
    if (!Number.isFinite(details)) throw new Error(`audit ${path} is not a finite number`);
    return;
  }
  if (Array.isArray(details)) {
    details.forEach((v: unknown, i) => checkAuditDetails(v, `${path}[${i}]`));
    return;
  }
  if (typeof details !== 'object' || Object.getPrototypeOf(details) !== Object.prototype) {
    throw new Error(`audit ${path} is not plain JSON`);
  }
  for (const [key, value] of Object.entries(details)) {
    if (secretKey.test(key)) throw new Error(`audit ${path}.${key} looks like a secret; secrets are never audited`);
    checkAuditDetails(value, `${path}.${key}`);
  }
}
