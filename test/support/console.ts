import { expect } from 'vitest';
import { createApp, memoryParts } from '../../src/app.ts';
import type { App } from '../../src/app.ts';
import { ManualClock } from '../../src/clock/manual-clock.ts';
import { loadConfig } from '../../src/config.ts';
import { routeConsole } from '../../src/console/route-console.ts';
import { channels } from '../../src/conversation/messages.ts';
import type { Channel, OutboundMessage } from '../../src/conversation/messages.ts';
import { relayToConsoles, workDeskIntake } from '../../src/desk/intake.ts';
import { loadTeams } from '../../src/desk/teams.ts';
import type { ConversationView, QueueItem } from '../../src/desk/views.ts';
import { HttpServer } from '../../src/http/server.ts';
import { watchGroupComplaints } from '../../src/incidents/group-watch.ts';
import { workPaging } from '../../src/incidents/paging.ts';
import { createLogger } from '../../src/log.ts';
import type { DeliveryWindow } from '../../src/ports/outbox.ts';
import { addStaff } from '../../src/staff/add-staff.ts';
import { HashGate } from '../../src/staff/hash-gate.ts';
import { StaffAuth } from '../../src/staff/staff-auth.ts';
import type { StaffRole } from '../../src/staff/roles.ts';
import { policy } from './harness.ts';

/** Cheap scrypt: the accounts are made and signed in by the dozen. */
const cheap = { N: 2 ** 10, r: 8, p: 1 };
const password = 'Correct-horse-12';
const teams = await loadTeams();

export interface DeskOptions {
  /** Delivery windows by channel, standing in for WeChat's 48 hours: null when closed. */
  windows?: Partial<Record<Channel, (conversationId: string) => Promise<DeliveryWindow | null>>>;
}

/** As serve.ts has them by default: 3 travellers within 24 hours make a group complaint; pages repeat every 5 minutes. */
const groupRule = { threshold: 3, windowHours: 24 };
export const pageRepeatMs = 5 * 60_000;

/** A signed-in staff member calling the desk API with their session cookie and CSRF token. */
export class StaffClient {
  readonly id: string;
  readonly #base: string;
  readonly cookie: string;
  readonly csrfToken: string;

  constructor(base: string, id: string, token: string, csrfToken: string) {
    this.#base = base;
    this.id = id;
    this.cookie = `__Host-tc_session=${token}`;
    this.csrfToken = csrfToken;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.#base}${path}`, { headers: { cookie: this.cookie, ...headers } });
  }

  /** POSTs `body` as JSON (or `raw` as it is) with the cookie and CSRF token unless `headers` say otherwise. */
  post(path: string, body: unknown = {}, headers: Record<string, string> = {}, raw?: string): Promise<Response> {
    return fetch(`${this.#base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrfToken, ...headers },
      body: raw ?? JSON.stringify(body),
    });
  }

  act(caseId: string, action: string, body: unknown = {}): Promise<Response> {
    return this.post(`/api/conversations/${caseId}/${action}`, body);
  }

  async queue(): Promise<QueueItem[]> {
    const res = await this.get('/api/queue');
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: QueueItem[] }).items;
  }

  async conversation(caseId: string): Promise<ConversationView> {
    const res = await this.get(`/api/conversations/${caseId}`);
    expect(res.status).toBe(200);
    return (await res.json()) as ConversationView;
  }
}

/**
 * The embedded app with the staff console on a real HTTP server (ephemeral port), the desk
 * intake, group watch and paging working their jobs, and an outbox on every channel recording
 * what travellers are sent.
 */
export class DeskServer {
  readonly clock = new ManualClock(new Date('2026-11-21T02:00:00Z'));
  readonly app: App<ReturnType<typeof memoryParts>>;
  readonly http: HttpServer;
  readonly auth: StaffAuth;
  readonly sent: OutboundMessage[] = [];
  base = '';
  #messageNo = 0;

  private constructor(options: DeskOptions) {
    const log = createLogger('silent');
    const config = loadConfig({ BURST_WINDOW_MS: '0' });
    this.app = createApp({ config, parts: memoryParts(this.clock, log), policy, clock: this.clock, log });
    this.app.engine.work();
    for (const channel of channels) {
      const windowOf = options.windows?.[channel];
      this.app.router.register(channel, { send: async (m) => void this.sent.push(m), ...(windowOf ? { windowOf } : {}) });
    }
    workDeskIntake({ ...this.app.parts, teams, policy, clock: this.clock, log });
    watchGroupComplaints({ ...this.app.parts, clock: this.clock, log, timeZone: 'Asia/Shanghai' }, groupRule);
    workPaging({ ...this.app.parts, log }, pageRepeatMs);
    relayToConsoles(this.app.engine, this.app.parts.feed, log);
    this.http = new HttpServer(log);
    // Tests sign in a score of staff at once: they may all wait their turn at the hashing.
    const gate = new HashGate({ waiting: 100, maxWaitMs: 30_000 });
    this.auth = new StaffAuth({ staff: this.app.parts.staff, audit: this.app.parts.audit, limits: this.app.parts.limits, gate, clock: this.clock, scrypt: cheap });
    routeConsole(this.http, { app: this.app, config, teams, policy, clock: this.clock, auth: this.auth });
  }

  static async start(options: DeskOptions = {}): Promise<DeskServer> {
    const server = new DeskServer(options);
    server.base = `http://127.0.0.1:${await server.http.listen(0, '127.0.0.1')}`;
    return server;
  }

  async close(): Promise<void> {
    await this.http.close();
    await this.app.close();
  }

  /** Adds an account and signs it in (directly: the sign-in route allows 10 attempts per address). */
  async staff(username: string, role: StaffRole, staffTeams: string[] = []): Promise<StaffClient> {
    const account = await addStaff({ staff: this.app.parts.staff, audit: this.app.parts.audit, clock: this.clock, actor: 'cli', scrypt: cheap },
      { username, displayName: displayNameOf(username), role, password, teams: staffTeams });
    const result = await this.auth.login(username, password, '127.0.0.1');
    if (!result.ok) throw new Error(`could not sign ${username} in`);
    return new StaffClient(this.base, account.id, result.token, result.session.csrfToken);
  }

  /** A traveller writes (or presses `choice`) on web chat; resolves with what they were sent meanwhile. */
  say(text: string, conversationId = 'c1', choice?: string): Promise<OutboundMessage[]> {
    return this.write('webchat', text, conversationId, choice);
  }

  /** A traveller writes (or presses `choice`) on `channel`; resolves with what they were sent meanwhile. */
  async write(channel: Channel, text: string, conversationId: string, choice?: string): Promise<OutboundMessage[]> {
    const before = this.sent.length;
    await this.app.engine.receive({
      channel, conversationId, senderId: `u-${conversationId}`, senderRole: 'traveller',
      messageId: `m${++this.#messageNo}`, text, ...(choice === undefined ? {} : { choice }), attachments: [], receivedAt: this.clock.now(),
    });
    await this.settle();
    return this.sent.slice(before).filter((m) => m.channel === channel);
  }

  press(choice: string, conversationId = 'c1'): Promise<OutboundMessage[]> {
    return this.say('', conversationId, choice);
  }

  /** Runs the jobs due now: handoffs and approvals reach the desk. */
  async settle(): Promise<void> {
    this.clock.advance(0);
    await this.app.parts.jobs.idle();
  }

  /** The traveller asks for a person; resolves with the case number of the ticket that opens. */
  async handoff(conversationId = 'c1', text = '我要找人工客服'): Promise<string> {
    await this.say(text, conversationId);
    const ticket = (await this.app.parts.desk.list()).find((t) => t.conversationKey === `webchat:${conversationId}`);
    if (!ticket) throw new Error(`no ticket for ${conversationId}`);
    return ticket.caseId;
  }

  /** A hotel downgrade with a ¥300 price difference: the bot offers ¥660, beyond its ¥500, and the traveller accepts. */
  async acceptedOfferNeedingApproval(conversationId = 'c1'): Promise<string> {
    for (const text of ['The hotel room was filthy and there was no hot water at all!', 'GZ-2611-A', 'yesterday', '2']) await this.say(text, conversationId);
    for (const choice of ['wants:compensation', 'confirm']) await this.press(choice, conversationId);
    await this.say('300', conversationId);
    await this.press('offer:accept', conversationId);
    await this.press('satisfied', conversationId);
    const ticket = (await this.app.parts.desk.list()).find((t) => t.conversationKey === `webchat:${conversationId}` && t.reason === 'approval');
    if (!ticket) throw new Error(`no approval ticket for ${conversationId}`);
    return ticket.caseId;
  }

  /** What conversation `conversationId` (on web chat unless told) was sent since message number `since`. */
  sentTo(conversationId: string, since = 0, channel: Channel = 'webchat'): OutboundMessage[] {
    return this.sent.slice(since).filter((m) => m.conversationId === conversationId && m.channel === channel);
  }
}

/** `mei.lin` → `Mei Lin`. */
const displayNameOf = (username: string) => username.split(/[._-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');

/** A reader of /api/events: collects `desk` events as they arrive, until cancelled. */
export class EventReader {
  readonly events: unknown[] = [];
  readonly #controller = new AbortController();
  readonly #done: Promise<void>;

  private constructor(body: ReadableStream<Uint8Array>) {
    this.#done = this.#read(body);
  }

  static async open(client: StaffClient): Promise<EventReader> {
    const res = await client.get('/api/events');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    if (!res.body) throw new Error('no event stream body');
    return new EventReader(res.body);
  }

  async #read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    this.#controller.signal.addEventListener('abort', () => void reader.cancel());
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const data = /^event: desk\ndata: (.*)$/m.exec(block)?.[1];
        if (data !== undefined) this.events.push(JSON.parse(data));
      }
    }
  }

  /** Waits until an event matching `expected` has come (fails after 2 s). */
  async until(expected: Record<string, unknown>): Promise<void> {
    const deadline = Date.now() + 2_000;
    while (!this.events.some((e) => isMatch(e, expected))) {
      if (Date.now() > deadline) throw new Error(`no event like ${JSON.stringify(expected)}; got ${JSON.stringify(this.events)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async cancel(): Promise<void> {
    this.#controller.abort();
    await this.#done;
  }
}

const isMatch = (event: unknown, expected: Record<string, unknown>) =>
  typeof event === 'object' && event !== null && Object.entries(expected).every(([k, v]) => (event as Record<string, unknown>)[k] === v);
