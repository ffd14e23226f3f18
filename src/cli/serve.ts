import { Registry } from 'prom-client';
import { enabledChannels } from '../../adapters/index.ts';
import type { ChannelRole } from '../../adapters/channel.ts';
import { createApp } from '../app.ts';
import type { App } from '../app.ts';
import { SystemClock } from '../clock/system-clock.ts';
import { relayToConsoles, workDeskIntake } from '../desk/intake.ts';
import { loadTeams } from '../desk/teams.ts';
import { watchGroupComplaints } from '../incidents/group-watch.ts';
import { workPaging } from '../incidents/paging.ts';
import { greetingRules, scheduleReturningGreetings } from '../followups/schedule-greetings.ts';
import { workFollowups } from '../followups/work-followups.ts';
import type { Config } from '../config.ts';
import { loadPolicy } from '../policy/policy-file.ts';
import { HttpServer } from '../http/server.ts';
import type { Logger } from '../log.ts';
import { errorFields } from '../log.ts';
import { routeOperations } from '../ops/health.ts';
import { prometheusLlmMetrics } from '../ops/llm-metrics.ts';
import { createMetrics } from '../ops/metrics.ts';
import { settledWithin } from '../within.ts';
import { openParts } from '../wiring.ts';
import { keepRecovering } from '../engine/recovery-loop.ts';
import { requireServices } from './reach-services.ts';

/** `start` does everything in one process; `web` takes messages; `worker` works the jobs. */
export type Role = ChannelRole;

export interface Running {
  app: App;
  port: number;
  stop(): Promise<void>;
}

/** Runs one tripcare process until `stop()`. SIGTERM and SIGINT stop it gracefully, within SHUTDOWN_TIMEOUT_MS. */
export async function serve(role: Role, config: Config, log: Logger): Promise<Running> {
  requireServices(role, config);
  // What only some processes need is imported while the files and services open.
  const loading = roleModules(config, role);
  loading.catch(() => undefined); // awaited below; failing first, opening is not left with an unhandled rejection
  const policy = await loadPolicy(config.POLICY_FILE);
  const teams = await loadTeams(config.TEAMS_FILE);
  const clock = new SystemClock();
  const { parts, wiring } = await openParts(config, clock, log);
  const { llm, routeConsole, starters } = await loading.catch(async (e: unknown) => {
    await parts.close();
    throw e;
  });
  const registry = new Registry();
  const llmMetrics = prometheusLlmMetrics(registry); // on /metrics, at zero, with or without a model
  const understanding = llm?.understandingFromConfig(config, llmMetrics, log);
  const wording = llm?.wordingFromConfig(config);
  const app = createApp({ config, parts, policy, clock, log, ...(understanding ? { understanding } : {}), ...(wording ? { wording } : {}) });
  relayToConsoles(app.engine, parts.feed, log);
  if (role !== 'web') {
    app.engine.work();
    workDeskIntake({ ...parts, teams, policy, clock, log });
    watchGroupComplaints({ ...parts, clock, log, timeZone: config.TIME_ZONE }, { threshold: config.GROUP_COMPLAINT_THRESHOLD, windowHours: config.GROUP_COMPLAINT_WINDOW_HOURS });
    workPaging({ ...parts, log }, config.PAGE_REPEAT_MINUTES * 60_000);
    workFollowups({ ...parts, engine: app.engine, router: app.router, clock, log });
    await scheduleReturningGreetings({ ...parts, clock, rules: greetingRules(config) });
  }
  const http = new HttpServer(log);
  routeOperations(http, { probes: parts.probes, metrics: createMetrics(app.engine, parts.jobs, registry), metricsToken: config.METRICS_TOKEN, inbox: parts.inbox });
  routeConsole?.(http, { app, config, teams, policy, clock });
  // Channels first: recovering a turn may resend its replies through them.
  const channels = (await Promise.all(starters.map((start) => start({ app, http, config, log, clock, role }))))
    .filter((c) => c !== null);
  const port = await http.listen(config.PORT);
  if (role !== 'worker') await app.engine.recover();
  const recovery = role === 'worker' ? undefined : keepRecovering(app.engine, clock, log);
  log.info('started', { role, wiring, port, policy: policy.version, channels: channels.map((c) => c.channel).join(',') });

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      log.info('stopping', { role });
      // No new messages over HTTP; the requests, the recovery round and the turns under way finish,
      // and may still send through their channels. Those waiting on a service that is down are left
      // to the journal after 40 % of the budget, so that closing what follows fits in the rest…
      const grace = config.SHUTDOWN_TIMEOUT_MS * 0.4;
      const finishing = Promise.all([http.close(grace), recovery?.stop(), app.engine.drain()]);
      if (!(await settledWithin(finishing, grace))) log.warn('stop.turns_left', { role });
      await Promise.all(channels.map((c) => c.close())); // …then the channels stop (polling too)…
      await app.parts.close(); // …and queues and connections close (not app.close(), which would wait for the turns left)
    })();
    return stopping;
  };
  const stopOnSignal = () => {
    // What still hangs by then (a service that is down, a job that runs on) is cut off rather than keep the process.
    setTimeout(() => {
      log.error('stop.timed_out', { role, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    stop().then(() => process.exit(0), (e: unknown) => {
      log.error('stop.failed', { role, ...errorFields(e) });
      process.exit(1);
    });
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, stopOnSignal);
  return { app, port, stop };
}

/**
 * The modules a process of `role` needs that others do not: the LLM client (openai) only with a
 * model configured (config.ts checks OPENAI_BASE_URL and OPENAI_MODEL come together; without them
 * the app's default, the learned model, reads), the staff console (bull-board) only where HTTP
 * serves it, and only the channels that are on (wechaty, telegraf, botbuilder).
 */
async function roleModules(config: Config, role: Role) {
  const [llm, staffConsole, starters] = await Promise.all([
    config.OPENAI_BASE_URL && config.OPENAI_MODEL ? import('../understanding/llm/from-config.ts') : undefined,
    role !== 'worker' ? import('../console/route-console.ts') : undefined,
    Promise.all(enabledChannels(config, role).map((c) => c.load())),
  ]);
  return { llm, routeConsole: staffConsole?.routeConsole, starters };
}
