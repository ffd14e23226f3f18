import { flows } from '../flows/index.ts';
import { ChannelRouter } from './channel-router.ts';
import type { Config } from './config.ts';
import { Engine } from './engine/engine.ts';
import type { Logger } from './log.ts';
import type { Clock } from './ports/clock.ts';
import { InterimPolicy } from './policy/interim-policy.ts';
import { MemoryCaseRegister } from './stores/memory/memory-case-register.ts';
import { MemoryConversationStore } from './stores/memory/memory-conversation-store.ts';
import { MemoryInbox } from './stores/memory/memory-inbox.ts';
import { MemoryJobQueue } from './stores/memory/memory-job-queue.ts';
import { MemoryTurnLock } from './stores/memory/memory-turn-lock.ts';
import { RuleUnderstanding } from './understanding/rules/index.ts';

/** One running tripcare: the engine, its ports, and the router adapters register with. */
export interface App {
  engine: Engine;
  router: ChannelRouter;
  register: MemoryCaseRegister;
  jobs: MemoryJobQueue;
  close(): Promise<void>;
}

/** The embedded wiring: every port in this process, nothing external. */
export function createEmbeddedApp(config: Config, clock: Clock, log: Logger): App {
  const router = new ChannelRouter(log);
  const register = new MemoryCaseRegister(clock);
  const jobs = new MemoryJobQueue(clock, log);
  const engine = new Engine(
    {
      inbox: new MemoryInbox(),
      store: new MemoryConversationStore(),
      lock: new MemoryTurnLock(),
      register,
      jobs,
      clock,
      understanding: new RuleUnderstanding(),
      policy: new InterimPolicy(config.CURRENCY),
      flows,
      outbox: router,
      log,
    },
    {
      burstWindowMs: config.BURST_WINDOW_MS,
      maxTextLength: config.MAX_MESSAGE_CHARS,
      timeZone: config.TIME_ZONE,
      defaultLocale: config.DEFAULT_LOCALE,
      emergencyPhone: config.AGENCY_EMERGENCY_PHONE ?? null,
    },
  );
  return { engine, router, register, jobs, close: () => jobs.close() };
}
