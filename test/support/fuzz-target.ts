import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
// The package's default export is typed as ES but is `module.exports`: import the class by name.
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { channelStarters } from '../../adapters/index.ts';
import type { RunningChannel } from '../../adapters/channel.ts';
import { createApp } from '../../src/app.ts';
import { SystemClock } from '../../src/clock/system-clock.ts';
import { loadConfig } from '../../src/config.ts';
import { routeConsole } from '../../src/console/route-console.ts';
import { sessionCookieName } from '../../src/console/session-cookie.ts';
import { relayToConsoles, workDeskIntake } from '../../src/desk/intake.ts';
import { loadTeams } from '../../src/desk/teams.ts';
import type { QueueItem } from '../../src/desk/views.ts';
import { HttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/log.ts';
import type { LogLevel } from '../../src/log.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { routeOperations } from '../../src/ops/health.ts';
import type { Clock } from '../../src/ports/clock.ts';
import type { StaffDirectory } from '../../src/ports/staff-directory.ts';
import { loadPolicy } from '../../src/policy/policy-file.ts';
import { addStaff } from '../../src/staff/add-staff.ts';
import { staffRoles } from '../../src/staff/roles.ts';
import type { StaffRole } from '../../src/staff/roles.ts';
import { csrfTokenFor, newSessionToken, sessionTokenHash } from '../../src/staff/session-token.ts';
import { openParts } from '../../src/wiring.ts';
import { FakeWechat } from './fake-wechat.ts';

/** Cheap scrypt: the accounts are made by the dozen. */
const cheapScrypt = { N: 2 ** 10, r: 8, p: 1 };
export const fuzzPassword = 'Correct-horse-battery-12';
/** Staff actions are limited per person: more people, more actions reach the bodies. */
const perRole = 5;

export const fuzzSecrets = {
  webchat: 'fuzz-webchat-secret-0123456789-abcdef',
  telegram: 'fuzz-telegram-secret-0123456789',
  telegramBot: '123456:FUZZtokenABCDEFGHIJKLMNOPQRSTU',
  wechat: 'fuzzToken',
  wechatAppId: 'wx1234567890abcdef',
};

export interface SignedIn {
  role: StaffRole;
  cookie: string;
  csrf: string;
}

/** What a well-behaved client of each route would hold: sessions, tokens, secrets, a real case. */
export interface FuzzContext {
  base: string;
  port: number;
  clock: Clock;
  staff: SignedIn[];
  directLine: { conversationId: string; token: string };
  caseId: string;
}

/**
 * Every public route of `tripcare start` on the embedded wiring (PGlite in a fresh DATA_DIR,
 * in-process queues) on a real port: health and metrics, the console and its APIs, reports,
 * Direct Line and its page, Bot Framework's /api/messages, the Telegram webhook and WeChat's
 * /wechat, each channel talking to a stand-in for its service. Staff of every role are signed
 * in, and a traveller's case waits on the desk.
 */
export class FuzzTarget {
  readonly context: FuzzContext;
  readonly #close: () => Promise<void>;

  private constructor(context: FuzzContext, close: () => Promise<void>) {
    this.context = context;
    this.#close = close;
  }

  static async start(logLevel: LogLevel = 'silent'): Promise<FuzzTarget> {
    const dataDir = await mkdtemp(join(tmpdir(), 'tripcare-fuzz-'));
    const telegram = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
    await telegram.start();
    const clock = new SystemClock();
    const wechat = new FakeWechat({ appId: fuzzSecrets.wechatAppId, appSecret: 'the-app-secret', token: fuzzSecrets.wechat, now: () => clock.now() });
    const config = loadConfig({
      DATA_DIR: dataDir, BURST_WINDOW_MS: '0', DEFAULT_LOCALE: 'en', WEBCHAT_SECRET: fuzzSecrets.webchat,
      TELEGRAM_BOT_TOKEN: fuzzSecrets.telegramBot, TELEGRAM_API_ROOT: telegram.config.apiURL, TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_URL: 'http://127.0.0.1:9/telegram/webhook', TELEGRAM_WEBHOOK_SECRET: fuzzSecrets.telegram,
      WECHAT_PUPPET: 'official-account', WECHAT_OA_APP_ID: fuzzSecrets.wechatAppId, WECHAT_OA_APP_SECRET: 'the-app-secret',
      WECHAT_OA_TOKEN: fuzzSecrets.wechat, WECHAT_OA_API_BASE: await wechat.listen(),
      MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000000', MICROSOFT_APP_PASSWORD: 'not-a-real-password',
    });
    const log = createLogger(logLevel);
    const policy = await loadPolicy();
    const teams = await loadTeams();
    // As `serve('start')` wires what HTTP reaches.
    const { parts } = await openParts(config, clock, log);
    const app = createApp({ config, parts, policy, clock, log });
    relayToConsoles(app.engine, parts.feed, log);
    app.engine.work();
    workDeskIntake({ ...parts, teams, policy, clock, log });
    const http = new HttpServer(log);
    routeOperations(http, { probes: parts.probes, metrics: createMetrics(app.engine, parts.jobs, new Registry()), inbox: parts.inbox });
    routeConsole(http, { app, config, teams, policy, clock });
    const channels: RunningChannel[] = (await Promise.all(channelStarters.map((start) => start({ app, http, config, log, clock, role: 'start' }))))
      .filter((c) => c !== null);
    const port = await http.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${port}`;

    const staff: SignedIn[] = [];
    for (const role of staffRoles) {
      for (let n = 0; n < perRole; n++) {
        const account = await addStaff({ staff: parts.staff, audit: parts.audit, clock, actor: 'fuzz', scrypt: cheapScrypt }, { username: `${role}${n}`, displayName: `${role} ${n}`, role, password: fuzzPassword });
        staff.push({ role, ...(await signedIn(parts.staff, account.id, clock.now())) });
      }
    }
    const directLine = await openDirectLine(base);
    const caseId = await handedOver(base, directLine, staff.find((s) => s.role === 'admin')!);

    return new FuzzTarget({ base, port, clock, staff, directLine, caseId }, async () => {
      await http.close();
      await app.engine.drain();
      await Promise.all(channels.map((c) => c.close()));
      await app.close();
      await wechat.close();
      await telegram.stop();
      await rm(dataDir, { recursive: true, force: true });
    });
  }

  close(): Promise<void> {
    return this.#close();
  }
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A session as signing in makes one, made straight in the directory: sign-in is limited per address. */
async function signedIn(staff: StaffDirectory, staffId: string, now: Date): Promise<{ cookie: string; csrf: string }> {
  const token = newSessionToken();
  await staff.createSession({ tokenHash: sessionTokenHash(token), staffId, createdAt: now, expiresAt: new Date(now.getTime() + 24 * 3_600_000) });
  return { cookie: `${sessionCookieName}=${token}`, csrf: csrfTokenFor(token) };
}

async function openDirectLine(base: string): Promise<{ conversationId: string; token: string }> {
  const issued = (await (await fetch(`${base}/api/webchat/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"locale":"en"}' })).json()) as { token: string };
  const started = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${issued.token}` } });
  return (await started.json()) as { conversationId: string; token: string };
}

/** A traveller on Direct Line asks for a person; resolves to the case number once it is on the desk. */
async function handedOver(base: string, directLine: { conversationId: string; token: string }, admin: SignedIn): Promise<string> {
  for (const text of ['The hotel room was filthy and there was no hot water at all!', 'I want to talk to a real person']) {
    const res = await fetch(`${base}/v3/directline/conversations/${directLine.conversationId}/activities`, {
      method: 'POST', headers: { authorization: `Bearer ${directLine.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', from: { id: 'traveller-1' }, text }),
    });
    if (res.status !== 200) throw new Error(`the traveller's message answered ${res.status}`);
  }
  for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const queue = (await (await fetch(`${base}/api/queue`, { headers: { cookie: admin.cookie } })).json()) as { items: QueueItem[] };
    const item = queue.items[0];
    if (item) return item.caseId;
  }
  throw new Error('no case reached the desk');
}
