/** How many failed sign-ins, within how long, lock an account for how long. */
export interface LockoutRule {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const lockoutDefaults: LockoutRule = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export const isLocked = (lockedUntil: Date | null, now: Date): boolean => lockedUntil !== null && lockedUntil > now;
