/** Calendar dates and wall-clock hours in a time zone, as people there read them. */

// One formatter per zone: building one costs far more than using it.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock at `at` in `timeZone`: its date (yyyy-mm-dd) and hour (0-23). */
export function wallClock(at: Date, timeZone: string): { date: string; hour: number } {
  const part = (type: Intl.DateTimeFormatPartTypes) => formatter(timeZone).formatToParts(at).find((p) => p.type === type)?.value ?? '00';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
}

/** How far `timeZone` is ahead of UTC at `at`, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(at).map((p) => [p.type, Number(p.value)]));
  const asUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The instant it is `hour`:00 on `date` in `timeZone`: the first, when a clock change repeats it
 * (autumn); read with the offset before the change, an hour later on the clock, when it skips it (spring).
 */
export function atWallClock(date: string, hour: number, timeZone: string): Date {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const naive = Date.UTC(y, m - 1, d, hour);
  // No zone is more than 14 hours from UTC: the offsets either side are the only candidates.
  const before = offsetAt(naive - 14 * hourMs, timeZone);
  const after = offsetAt(naive + 14 * hourMs, timeZone);
  const fits = [naive - before, naive - after].filter((t) => offsetAt(t, timeZone) === naive - t);
  return new Date(fits.length > 0 ? Math.min(...fits) : naive - before);
}

const hourMs = 3_600_000;

/** The calendar day `days` after `date` (yyyy-mm-dd; before it when negative), across month and year ends. */
export function addDays(date: string, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
