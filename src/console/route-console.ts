import type { App } from '../app.ts';
import type { Config } from '../config.ts';
import { greetingRules } from '../followups/schedule-greetings.ts';
import { ReportDesk } from '../reports/report-desk.ts';
import { surveyScores } from '../reports/survey-scores.ts';
import { StaffDesk } from '../desk/staff-desk.ts';
import { GuideDesk } from '../guides/guide-desk.ts';
import { IncidentDesk } from '../incidents/incident-desk.ts';
import type { Teams } from '../desk/teams.ts';
import type { HttpServer } from '../http/server.ts';
import type { Clock } from '../ports/clock.ts';
import type { AgencyPolicy } from '../policy/agency-policy.ts';
import { StaffAuth } from '../staff/staff-auth.ts';
import { routeStaffAuth } from './auth-routes.ts';
import { routeConsolePage } from './console-page.ts';
import { routeDesk } from './desk-routes.ts';
import { routeIncidents } from './incident-routes.ts';
import { routeOpenApi } from './openapi.ts';
import { routeQueueBoard } from './queue-board.ts';
import { routeReports } from './report-routes.ts';
import { actionLimiter } from './route-kit.ts';
import { routeTrips } from './trip-routes.ts';

export interface ConsoleSetup {
  app: App;
  /** The agency's zone (reports, greetings) and when travellers are greeted after a trip. */
  config: Pick<Config, 'TIME_ZONE' | 'GREETING_HOUR' | 'QUIET_HOURS' | 'TRUST_PROXY'>;
  teams: Teams;
  policy: AgencyPolicy;
  clock: Clock;
  /** Default: one over the app's staff directory (its stand-in hash costs a full scrypt, and its gate counts hashes: share one). */
  auth?: StaffAuth;
}

/** The staff console: sign-in; the desk, incident, trip and report APIs and their OpenAPI description; the page at /console, the report pages and the job board for admins. */
export function routeConsole(http: HttpServer, { app, config, teams, policy, clock, auth: given }: ConsoleSetup): StaffDesk {
  const { parts } = app;
  const auth = given ?? new StaffAuth({ staff: parts.staff, audit: parts.audit, limits: parts.limits, clock });
  const desk = new StaffDesk({ ...parts, engine: app.engine, router: app.router, teams, policy, clock });
  const incidents = new IncidentDesk({ ...parts, engine: app.engine, router: app.router, policy, clock });
  const limiter = actionLimiter(parts.limits);
  const trustProxy = config.TRUST_PROXY;
  routeStaffAuth(http, { auth, clock, limits: parts.limits, trustProxy });
  routeDesk(http, { desk, auth, limiter, feed: parts.feed, staff: parts.staff, teams, clock });
  routeIncidents(http, { incidents, guides: new GuideDesk({ ...parts, clock }), auth, limiter, clock });
  routeTrips(http, { ...parts, auth, limiter, clock, rules: greetingRules(config) });
  const reports = new ReportDesk({ ...parts, surveys: surveyScores(parts.surveys), clock, timeZone: config.TIME_ZONE });
  routeReports(http, { reports, auth, limiter, limits: parts.limits, trustProxy, policy, clock });
  routeOpenApi(http);
  routeConsolePage(http);
  routeQueueBoard(http, { auth, jobs: parts.jobs });
  return desk;
}
