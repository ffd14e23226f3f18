import { loadConfig } from '../../src/config.ts';
import { routeConsole } from '../../src/console/route-console.ts';
import { relayToConsoles, workDeskIntake } from '../../src/desk/intake.ts';
import { loadTeams } from '../../src/desk/teams.ts';
import type { Teams } from '../../src/desk/teams.ts';
import { createLogger } from '../../src/log.ts';
import type { StaffAccount } from '../../src/ports/staff-directory.ts';
import { addStaff } from '../../src/staff/add-staff.ts';
import type { StaffToAdd } from '../../src/staff/add-staff.ts';
import { StaffAuth } from '../../src/staff/staff-auth.ts';
import { policy } from './harness.ts';
import { WebchatServer } from './webchat.ts';

/** Cheap, so that adding staff and signing in take milliseconds; the real cost is for real passwords. */
const cheapScrypt = { N: 2 ** 10, r: 8, p: 1 };

/** The web chat server with the staff desk beside it, as `tripcare start` runs them in one process. */
export class ConsoleServer {
  readonly chat: WebchatServer;
  readonly teams: Teams;

  private constructor(chat: WebchatServer, teams: Teams) {
    this.chat = chat;
    this.teams = teams;
  }

  static async start(): Promise<ConsoleServer> {
    const chat = await WebchatServer.start();
    const { app, http, clock } = chat;
    const teams = await loadTeams();
    const log = createLogger('silent');
    const auth = new StaffAuth({ staff: app.parts.staff, audit: app.parts.audit, limits: app.parts.limits, clock, scrypt: cheapScrypt });
    // Added to a server already listening: nothing asks for /console or /api before start() returns.
    routeConsole(http, { app, config: loadConfig({}), teams, policy, clock, auth });
    workDeskIntake({ ...app.parts, teams, policy, clock, log });
    relayToConsoles(app.engine, app.parts.feed, log);
    return new ConsoleServer(chat, teams);
  }

  get base(): string {
    return this.chat.base;
  }

  /** Adds a staff account straight to the directory, as `tripcare staff add` would. */
  addStaff(account: StaffToAdd): Promise<StaffAccount> {
    const { staff, audit } = this.chat.app.parts;
    return addStaff({ staff, audit, clock: this.chat.clock, actor: 'test', scrypt: cheapScrypt }, account);
  }

  close(): Promise<void> {
    return this.chat.close();
  }
}
