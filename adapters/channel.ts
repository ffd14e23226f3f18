import type { App } from '../src/app.ts';
import type { Config } from '../src/config.ts';
import type { Channel } from '../src/conversation/messages.ts';
import type { HttpServer } from '../src/http/server.ts';
import type { Logger } from '../src/log.ts';
import type { Clock } from '../src/ports/clock.ts';

/** What a channel adapter is given to start with. */
export interface ChannelSetup {
  app: App;
  /** Routes for webhooks and pages; only `start` and `web` processes serve them. */
  http: HttpServer;
  config: Config;
  log: Logger;
  clock: Clock;
  /**
   * `start`: everything in this process. `web`: takes messages (HTTP), one of many.
   * `worker`: works jobs, and sends what they say (SLA reminders, staff replies) — no HTTP, no polling.
   */
  role: ChannelRole;
}

/** The kind of tripcare process (see `ChannelSetup.role`). */
export type ChannelRole = 'start' | 'web' | 'worker';

export interface RunningChannel {
  channel: Channel;
  /** Stops taking messages and lets go of connections. */
  close(): Promise<void>;
}

/**
 * Starts one channel: registers its sender with `app.router`, and in `start`/`web`
 * its routes with `http`. Resolves null when its configuration is absent: the channel is off.
 */
export type ChannelStarter = (setup: ChannelSetup) => Promise<RunningChannel | null>;

/**
 * One channel in the list of channels (adapters/index.ts): a cheap test of whether it is on,
 * from the configuration alone, and its starter, imported only when it is.
 */
export interface ChannelEntry {
  channel: Channel;
  /** Whether the channel runs in a process of `role`: no imports, no I/O. */
  enabled(config: Config, role: ChannelRole): boolean;
  /** Imports the channel's module. */
  load(): Promise<ChannelStarter>;
}
