import type { AuditLog } from '../ports/audit-log.ts';
import type { Clock } from '../ports/clock.ts';
import type { StaffAccount, StaffDirectory } from '../ports/staff-directory.ts';
import { UsernameTakenError } from '../ports/staff-directory.ts';
import { hashPassword, passwordWeakness, scryptDefaults } from './password.ts';
import type { ScryptParams } from './password.ts';
import { isStaffRole, staffRoles } from './roles.ts';
import type { StaffRole } from './roles.ts';

/** A request to add staff that cannot be done as asked; the message says why, for the person asking. */
export class StaffInputError extends Error {
  override name = 'StaffInputError';
}

export interface StaffToAdd {
  username: string;
  displayName: string;
  role: string;
  password: string;
  /** The desk teams whose queues they work (see the teams file); none: every team's. */
  teams?: string[];
}

/** ASCII only, so "case-insensitive" means the same in memory and in SQL. */
const usernameFormat = /^[a-z0-9][a-z0-9._-]{1,39}$/i;

/** Throws `StaffInputError` when the input will not do; without a database, so it can be asked first. */
export function checkStaffInput(input: StaffToAdd): asserts input is StaffToAdd & { role: StaffRole } {
  if (!usernameFormat.test(input.username)) {
    throw new StaffInputError('The username must be 2-40 letters, digits, dots, dashes or underscores, starting with a letter or digit.');
  }
  if (!input.displayName.trim()) throw new StaffInputError('The name must not be empty.');
  if (!isStaffRole(input.role)) throw new StaffInputError(`The role must be one of: ${staffRoles.join(', ')}.`);
  if (input.teams && input.role === 'partner' && input.teams.length > 0) throw new StaffInputError('Partners belong to no team: they see only what is shared with them.');
  const weakness = passwordWeakness(input.password);
  if (weakness) throw new StaffInputError(weakness);
}

/** Adds a staff account and audits it; throws `StaffInputError` when the input will not do. */
export async function addStaff(
  deps: { staff: StaffDirectory; audit: AuditLog; clock: Clock; actor: string; scrypt?: ScryptParams },
  input: StaffToAdd,
): Promise<StaffAccount> {
  checkStaffInput(input);
  const displayName = input.displayName.trim();
  const passwordHash = await hashPassword(input.password, deps.scrypt ?? scryptDefaults);
  let account: StaffAccount;
  try {
    account = await deps.staff.add({ username: input.username, displayName, role: input.role, passwordHash, teams: [...new Set(input.teams ?? [])] }, deps.clock.now());
  } catch (e) {
    if (e instanceof UsernameTakenError) throw new StaffInputError(e.message);
    throw e;
  }
  await deps.audit.record({
    actor: deps.actor, action: 'staff.add', target: account.id,
    details: { username: account.username, role: account.role, teams: account.teams }, at: deps.clock.now(),
  });
  return account;
}
