import type { Config } from '../config.ts';
import type { Clock } from '../ports/clock.ts';
import type { DepartureRoster, Trip } from '../ports/departure-roster.ts';
import type { Departure } from '../ports/guide-registry.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import { addDays, wallClock } from './civil-time.ts';
import { greetingTime } from './greeting-time.ts';
import type { GreetingRules } from './greeting-time.ts';

export interface GreetingSchedule {
  jobs: JobQueue;
  roster: DepartureRoster;
  clock: Clock;
  rules: GreetingRules;
}

/** The greeting rules the configuration sets. */
export const greetingRules = (config: Pick<Config, 'TIME_ZONE' | 'GREETING_HOUR' | 'QUIET_HOURS'>): GreetingRules => ({
  timeZone: config.TIME_ZONE, hour: config.GREETING_HOUR, quiet: config.QUIET_HOURS,
});

/** One greeting per traveller and trip: scheduling it again (a re-import, a restart) adds nothing. */
export const greetingId = (departure: Departure, ref: string): string => `greet:${departure.tourCode}:${departure.date}:${ref}`;

/** Schedules the day-after-return greeting of each traveller of `trip` the bot can write to; returns how many. */
export async function scheduleGreetings(p: GreetingSchedule, trip: Trip): Promise<number> {
  const now = p.clock.now();
  const at = greetingTime(trip.returnDate, now, p.rules);
  if (!at) return 0; // the day after is over: too late to ask
  const reachable = (await p.roster.travellers(trip.departure)).filter((t) => t.channel && t.conversationId);
  for (const t of reachable) {
    await p.jobs.add('followup.greet', { tourCode: trip.departure.tourCode, date: trip.departure.date, ref: t.ref }, {
      jobId: greetingId(trip.departure, t.ref), delayMs: at.getTime() - now.getTime(),
    });
  }
  return reachable.length;
}

/**
 * Schedules the greetings of every trip back since yesterday: at start, for trips imported while
 * no queue was there to take them (the command line beside an embedded server).
 */
export async function scheduleReturningGreetings(p: GreetingSchedule): Promise<number> {
  const yesterday = addDays(wallClock(p.clock.now(), p.rules.timeZone).date, -1);
  let scheduled = 0;
  for (const trip of await p.roster.returningFrom(yesterday)) scheduled += await scheduleGreetings(p, trip);
  return scheduled;
}
