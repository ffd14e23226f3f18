import { workDeskIntake } from '../../src/desk/intake.ts';
import { loadTeams } from '../../src/desk/teams.ts';
import { createLogger } from '../../src/log.ts';
import { Harness, policy } from './harness.ts';

const teams = await loadTeams();

/** A harness whose desk intake runs, as `start` has it: cases the bot raises land on the desk. */
export function withDesk(): Harness {
  const h = new Harness();
  workDeskIntake({ ...h.app.parts, teams, policy, clock: h.clock, log: createLogger('silent') });
  return h;
}
