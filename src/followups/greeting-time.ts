import { addDays, atWallClock, wallClock } from './civil-time.ts';
import { isQuietHour } from './quiet-hours.ts';
import type { QuietHours } from './quiet-hours.ts';

/** When the agency greets returning travellers: an hour of its own zone, never in its quiet hours. */
export interface GreetingRules {
  /** The agency's zone: a traveller's language never changes it. */
  timeZone: string;
  hour: number;
  quiet: QuietHours;
}

/** `at`, or the end of the quiet hours it falls in (that morning, or the next when it falls before midnight). */
export function outOfQuietHours(at: Date, rules: Pick<GreetingRules, 'timeZone' | 'quiet'>): Date {
  const { date, hour } = wallClock(at, rules.timeZone);
  if (!isQuietHour(hour, rules.quiet)) return at;
  return atWallClock(hour < rules.quiet.to ? date : addDays(date, 1), rules.quiet.to, rules.timeZone);
}

/**
 * When to greet travellers back from a trip ending on `returnDate`: `hour` o'clock the day after,
 * out of quiet hours. Scheduled late, on that day itself, as soon as allowed; null once it is over.
 */
export function greetingTime(returnDate: string, now: Date, rules: GreetingRules): Date | null {
  const day = addDays(returnDate, 1);
  const planned = outOfQuietHours(atWallClock(day, rules.hour, rules.timeZone), rules);
  if (planned >= now) return planned;
  return wallClock(now, rules.timeZone).date <= day ? outOfQuietHours(now, rules) : null;
}
