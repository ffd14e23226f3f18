import type { Departure } from '../ports/guide-registry.ts';

const latest = (runs: Departure[]): Departure | null =>
  runs.reduce<Departure | null>((last, run) => (last === null || run.date >= last.date ? run : last), null);

/** The run a guide is on: the latest of theirs that has set out by `today` (yyyy-mm-dd); null when none has. */
export const currentDeparture = (departures: Departure[], today: string): Departure | null =>
  latest(departures.filter((d) => d.date <= today));

/**
 * The run of a tour code a guide typed: theirs when they lead it (the current one, else the
 * next), otherwise one setting out `today`, the best guess for an incident on the road.
 */
export function departureOf(tourCode: string, departures: Departure[], today: string): Departure {
  const runs = departures.filter((d) => d.tourCode === tourCode);
  return currentDeparture(runs, today) ?? runs[0] ?? { tourCode, date: today };
}
