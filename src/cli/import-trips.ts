import { readFile, stat } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { SystemClock } from '../clock/system-clock.ts';
import type { Config } from '../config.ts';
import { greetingRules, scheduleGreetings } from '../followups/schedule-greetings.ts';
import { createLogger } from '../log.ts';
import { openRedis } from '../stores/redis/open-redis.ts';
import { importTrips } from '../trips/trip-import.ts';
import { csvRows, maxTripBytes, tripColumns } from '../trips/trip-rows.ts';
import { openSql } from '../wiring.ts';
import { importUsage } from './texts.ts';

/**
 * `tripcare import trips FILE.csv`: keeps the trips and schedules their greetings through Redis
 * when REDIS_URL is set; else tripcare schedules them when it starts. Exit 0 all imported, 1 some
 * rows refused, 2 usage.
 */
export async function importCommand(args: string[], config: Config, io: { output: Writable; errors: Writable }): Promise<number> {
  const [what, file, ...extra] = args;
  if (what !== 'trips' || !file || extra.length > 0) return usage(io, `Unknown import "${args.join(' ')}".`);
  const size = await stat(file).then((s) => (s.isFile() ? s.size : undefined), () => undefined);
  if (size === undefined) return usage(io, `No file ${file}.`);
  if (size > maxTripBytes) return refused(io, `${file} is larger than ${maxTripBytes} bytes; split it.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
  } catch {
    return refused(io, `${file} is not UTF-8 text.`);
  }

  const clock = new SystemClock();
  const log = createLogger('error');
  const sql = await openSql(config, clock, log);
  const redis = config.REDIS_URL ? openRedis(config.REDIS_URL, { log, prefix: config.REDIS_PREFIX }) : undefined;
  try {
    const schedule = redis && { jobs: redis.jobs, roster: sql.roster, clock, rules: greetingRules(config) };
    const done = await importTrips({ ...sql, clock, ...(schedule ? { scheduleGreetings: (trip) => scheduleGreetings(schedule, trip) } : {}) }, 'cli', csvRows(text));
    for (const e of done.errors) io.errors.write(`line ${e.line}, ${e.field}: ${e.message}\n`);
    const greetings = schedule ? `${done.greetings} greetings scheduled` : 'greetings are scheduled when tripcare starts';
    io.output.write(`Imported ${done.trips} trips, ${done.travellers} travellers; ${greetings}; ${done.errors.length} rows refused.\n`);
    return done.errors.length > 0 ? 1 : 0;
  } finally {
    await redis?.close();
    await sql.close();
  }
}

function refused(io: { errors: Writable }, message: string): number {
  io.errors.write(`${message}\n`);
  return 1;
}

function usage(io: { errors: Writable }, message: string): number {
  io.errors.write(`${message}\n\n${importUsage(tripColumns)}`);
  return 2;
}
