import { flows } from '../flows/index.ts';
import { ChannelRouter } from './channel-router.ts';
import type { Config } from './config.ts';
import { Engine } from './engine/engine.ts';
import type { EngineStores } from './engine/engine.ts';
import type { Logger } from './log.ts';
import type { Probe } from './ops/health.ts';
import type { AuditLog } from './ports/audit-log.ts';
import type { CorrectiveActions } from './ports/corrective-actions.ts';
import type { DepartureRoster } from './ports/departure-roster.ts';
import type { ReportSource } from './reports/report-source.ts';
import type { DeskFeed } from './ports/desk-feed.ts';
import type { EscalationDesk } from './ports/escalation-desk.ts';
import type { Clock } from './ports/clock.ts';
import type { RateLimits } from './ports/rate-limits.ts';
import type { StaffDirectory } from './ports/staff-directory.ts';
import type { Understanding } from './ports/understanding.ts';
import type { Wording } from './ports/wording.ts';
import type { AgencyPolicy } from './policy/agency-policy.ts';
import { MemoryAuditLog } from './stores/memory/memory-audit-log.ts';
import { MemoryCaseRegister } from './stores/memory/memory-case-register.ts';
import { MemoryConversationStore } from './stores/memory/memory-conversation-store.ts';
import { MemoryCorrectiveActions } from './stores/memory/memory-corrective-actions.ts';
import { MemoryDepartureRoster } from './stores/memory/memory-departure-roster.ts';
import { MemoryReportSource } from './stores/memory/memory-report-source.ts';
import { MemoryDeskFeed } from './stores/memory/memory-desk-feed.ts';
import { MemoryEscalationDesk } from './stores/memory/memory-escalation-desk.ts';
import { MemoryGuideRegistry } from './stores/memory/memory-guide-registry.ts';
import { MemoryInbox } from './stores/memory/memory-inbox.ts';
import { MemoryIncidentRegister } from './stores/memory/memory-incident-register.ts';
import { MemoryJobQueue } from './stores/memory/memory-job-queue.ts';
import { MemoryPromiseLedger } from './stores/memory/memory-promise-ledger.ts';
import { MemoryRateLimits } from './stores/memory/memory-rate-limits.ts';
import { MemoryStaffDirectory } from './stores/memory/memory-staff-directory.ts';
import { MemorySurveyStore } from './stores/memory/memory-survey-store.ts';
import { MemoryTurnLock } from './stores/memory/memory-turn-lock.ts';
import { LearnedUnderstanding } from './understanding/learned/index.ts';

/** The engine's stores, the staff console's, what /readyz checks of them, and how to let go of them. */
export interface Parts extends EngineStores {
  staff: StaffDirectory;
  audit: AuditLog;
  desk: EscalationDesk;
  feed: DeskFeed;
  roster: DepartureRoster;
  reports: ReportSource;
  actions: CorrectiveActions;
  /** The limits of what faces the internet: shared by every process in production. */
  limits: RateLimits;
  /** What /readyz checks. */
  probes: Probe[];
  close(): Promise<void>;
}

/** Every part in this process's memory: for tests, `chat` and `replay`. */
export function memoryParts(clock: Clock, log: Logger) {
  const jobs = new MemoryJobQueue(clock, log);
  const register = new MemoryCaseRegister(clock);
  const ledger = new MemoryPromiseLedger();
  return {
    inbox: new MemoryInbox(),
    store: new MemoryConversationStore(),
    lock: new MemoryTurnLock(),
    register,
    ledger,
    staff: new MemoryStaffDirectory(),
    audit: new MemoryAuditLog(),
    desk: new MemoryEscalationDesk(),
    feed: new MemoryDeskFeed(log),
    guides: new MemoryGuideRegistry(),
    incidents: new MemoryIncidentRegister(),
    roster: new MemoryDepartureRoster(),
    surveys: new MemorySurveyStore(),
    reports: new MemoryReportSource({ register, ledger }),
    actions: new MemoryCorrectiveActions(),
    limits: new MemoryRateLimits(),
    jobs,
    probes: [],
    close: () => jobs.close(),
  } satisfies Parts;
}

/** One running tripcare: the engine on its parts, and the router channel adapters register with. */
export interface App<P extends Parts = Parts> {
  engine: Engine;
  router: ChannelRouter;
  parts: P;
  /** Finishes the turns under way, then lets go of every part. */
  close(): Promise<void>;
}

export interface AppSetup<P extends Parts> {
  config: Config;
  parts: P;
  policy: AgencyPolicy;
  clock: Clock;
  log: Logger;
  /** Default: the offline rules. */
  understanding?: Understanding;
  /** Default: none, the templates are sent as they are. */
  wording?: Wording;
}

export function createApp<P extends Parts>({ config, parts, policy, clock, log, understanding, wording }: AppSetup<P>): App<P> {
  const router = new ChannelRouter(log);
  const engine = new Engine(
    {
      ...parts,
      clock,
      understanding: understanding ?? new LearnedUnderstanding(),
      policy,
      flows,
      outbox: router,
      log,
      wording,
    },
    {
      burstWindowMs: config.BURST_WINDOW_MS,
      maxTextLength: config.MAX_MESSAGE_CHARS,
      timeZone: config.TIME_ZONE,
      defaultLocale: config.DEFAULT_LOCALE,
      emergencyPhone: config.AGENCY_EMERGENCY_PHONE ?? null,
    },
  );
  return {
    engine,
    router,
    parts,
    async close() {
      await engine.drain();
      await parts.close();
    },
  };
}
