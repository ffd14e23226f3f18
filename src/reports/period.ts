/** How a report groups its period: agency-local days, ISO weeks, months or quarters. */
export const groupings = ['day', 'week', 'month', 'quarter'] as const;
export type Grouping = (typeof groupings)[number];

/** A report's period: agency-local dates, both included. */
export interface Period {
  from: string;
  to: string;
  by: Grouping;
}

const dayMs = 86_400_000;
const utcDay = (day: string): Date => new Date(`${day}T00:00:00Z`);
const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** The bucket a local date falls in: `2026-11-21`, `2026-W47`, `2026-11` or `2026-Q4`. */
export function bucketOf(day: string, by: Grouping): string {
  if (by === 'day') return day;
  if (by === 'month') return day.slice(0, 7);
  if (by === 'quarter') return `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
  // ISO 8601: the week belongs to the year of its Thursday.
  const date = utcDay(day);
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * dayMs);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / dayMs / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Every bucket of the period, in order. */
export function bucketsOf(period: Period): string[] {
  const buckets = new Set<string>();
  for (let at = utcDay(period.from).getTime(); at <= utcDay(period.to).getTime(); at += dayMs) buckets.add(bucketOf(dayOf(new Date(at)), period.by));
  return [...buckets];
}

/** Instants surely covering the period's local dates in any time zone (±14 h): what to fetch before filtering by local date. */
export function instantsAround(period: Pick<Period, 'from' | 'to'>): { from: Date; until: Date } {
  return { from: new Date(utcDay(period.from).getTime() - dayMs), until: new Date(utcDay(period.to).getTime() + 2 * dayMs) };
}

/** The dates of a quarter written `2026-Q3`; undefined for anything else. */
export function quarterDates(quarter: string): { from: string; to: string } | undefined {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) return undefined;
  const year = Number(match[1]);
  const first = (Number(match[2]) - 1) * 3;
  return { from: dayOf(new Date(Date.UTC(year, first, 1))), to: dayOf(new Date(Date.UTC(year, first + 3, 0))) };
}

/** The quarter before the one `today` (a local date) falls in, e.g. `2026-Q3` on 2026-11-21. */
export function quarterBefore(today: string): string {
  const start = utcDay(`${today.slice(0, 4)}-${String((Math.ceil(Number(today.slice(5, 7)) / 3) - 1) * 3 + 1).padStart(2, '0')}-01`);
  return bucketOf(dayOf(new Date(start.getTime() - dayMs)), 'quarter');
}

/** Days from one local date to another. */
export const daysBetween = (from: string, to: string): number => Math.round((utcDay(to).getTime() - utcDay(from).getTime()) / dayMs);

/** The local date `days` after `day` (before, when negative). */
export const addDays = (day: string, days: number): string => dayOf(new Date(utcDay(day).getTime() + days * dayMs));
