/**
 * The fault run: a production deployment (web × 2, worker × 1 on Redis and PostgreSQL, each
 * reached through an `OutageProxy`) with web-chat travellers speaking Direct Line over HTTP,
 * put through a kill storm, outages of PostgreSQL and Redis, a poison message and SIGTERM in
 * every state. `npm run bench:faults` runs it full size; `test/fault/topology-faults.test.ts` small.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type { DirectLineActivity } from '../../adapters/webchat/activity-store.ts';
import { run } from './cli.ts';
import { DirectLineTraveller, seqOf } from './directline-traveller.ts';
import type { SentMessage } from './directline-traveller.ts';
import { Fleet } from './fault-fleet.ts';
import type { Ending, LoggedProblem, TripcareProcess } from './fault-fleet.ts';
import { OutageProxy } from './outage-proxy.ts';
import { dropTestData, postgresUrl, redisUrl, uniqueName } from './services.ts';
import { seeded } from '../../src/understanding/learned/train.ts';

export interface FaultRunOptions {
  /** Kill storm: conversations (at least; more start while kills are still due), going at once, messages each. */
  conversations: number;
  concurrency: number;
  turns: [min: number, max: number];
  /**
   * Kill storm: SIGKILLs, a random gap of about `killGapMs` apart, each process restarted at once; kills stop
   * at `kills`, conversations go on starting until then.
   */
  kills: number;
  killGapMs: number;
  /** Outages under load, no restart: how long each service is cut (0: not cut), and the conversations going meanwhile. Null skips. */
  outages: { postgresMs: number; redisMs: number; concurrency: number } | null;
  /** Poison message, then this many conversations after it. Null skips. */
  poison: { conversations: number } | null;
  /** SIGTERM in each state (idle, Redis down, PostgreSQL down, console stream held, jobs running). */
  sigterm: boolean;
  /** Where each process's log goes (`web-0.log`…). */
  logDir: string;
  seed: number;
  progress: (line: string) => void;
}

/** The full-size run, scaled: FAULT_SCALE=1 is 200 conversations, 100 kills, 30 s outages. */
export function scaledOptions(scale: number, logDir: string, progress: (line: string) => void): FaultRunOptions {
  const n = (full: number, least: number) => Math.max(least, Math.round(full * scale));
  return {
    conversations: n(200, 6),
    concurrency: n(30, 4),
    turns: [3, 7],
    kills: n(100, 4),
    killGapMs: 3_000,
    outages: { postgresMs: n(30_000, 3_000), redisMs: n(30_000, 3_000), concurrency: n(20, 4) },
    poison: { conversations: n(20, 3) },
    sigterm: true,
    logDir,
    seed: Date.now() % 1_000_000,
    progress,
  };
}

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** What the chat histories say of one phase's conversations. */
export interface Tally {
  conversations: number;
  /** Conversations that never started (no token or conversation could be had). */
  notStarted: number;
  messages: number;
  /** Messages a POST of which was answered 2xx. */
  accepted: number;
  /** Accepted messages no bot activity ever followed, or answered only together with the next (fewer turns than messages). */
  lost: number;
  /** Duplicate replies: the same reply text twice in one message's stretch, plus turns beyond one per message. */
  duplicates: number;
  sameReplyTwice: number;
  extraTurns: number;
  /** Accepted messages whose echo is not in the history; echoes of one message kept twice. */
  missingEchoes: number;
  duplicateEchoes: number;
  /** Replies that came before the traveller's own message in the history (Web Chat shows them above it). */
  repliesBeforeEcho: number;
  /** Replies saying "something went wrong on our side, please send again". */
  errorNotices: number;
  /** Messages the bot sent by itself when a promised time passed ("no colleague has replied yet…"): not replies. */
  timerMessages: number;
  /** POSTs sent again after a failure; and the failures by kind. */
  postRetries: number;
  postFailures: Record<string, number>;
  /** From the first POST of a message to the first reply seen. */
  replyMs: Stats;
  /** Lines naming each lost or duplicated message, with what the journal says of it. */
  evidence: string[];
  /** Each conversation with a lost or duplicated message, in full: for finding the cause. */
  details: ConversationDetail[];
}

/** One conversation as the traveller saw it and as the stores hold it. */
export interface ConversationDetail {
  conversationId: string;
  /** Per message: text, when first sent, accepted, answered (ISO), POST attempts and failures, the seq seen before it and its echo's seq. */
  messages: string[];
  /** Per activity: `seq role [reply id] text…`. */
  history: string[];
  /** The stored conversation state, summarised: turn, step, pending burst, handled ids, outbox. */
  state: string;
  /** The BullMQ events of this conversation's burst flushes (`turn.flush`), oldest first. */
  flushJobs: string[];
}

export interface Kill {
  process: string;
  at: number;
  /** Whether it answered /healthz yet, and how long it had run. */
  wasReady: boolean;
  uptimeMs: number;
}

export interface StormReport extends Tally {
  ms: number;
  kills: number;
  killsOfWeb: number;
  killsOfWorker: number;
  killsWhileStarting: number;
  /** From spawn to /healthz, over every start in the storm. */
  startMs: Stats;
}

export interface OutageReport {
  service: 'postgres' | 'redis';
  downMs: number;
  /** Messages sent before the service came back and not answered before it went: they had to wait. */
  outstanding: number;
  answeredDuringOutage: number;
  answeredAfterRecovery: number;
  /** Not answered within 60 s of the service coming back (or never). */
  lateOrNever: number;
  /** From the service coming back to the last of them answered. */
  maxAfterRecoveryMs: number;
  /** Processes that ended by themselves meanwhile. */
  processExits: number;
}

export interface OutagesReport extends Tally {
  outages: OutageReport[];
}

export interface PoisonReport {
  /** How it was made: a stored conversation state that no longer parses. */
  how: string;
  accepted: boolean;
  deadLettered: boolean;
  /** From its POST to its dead letter. */
  deadLetterMs: number | null;
  /** Failures counted before it was set aside; the dead-letter metric summed over the webs. */
  deadLetterMetric: number;
  /** Whether the poisoned conversation was answered at all (it should not be: its state is unreadable). */
  poisonAnswered: boolean;
  /** The conversations after it. */
  after: Tally;
}

export interface SigtermReport {
  state: string;
  process: string;
  ms: number;
  code: number | null;
  /** It was cut off by SHUTDOWN_TIMEOUT_MS (`stop.timed_out`) rather than finishing its stop. */
  timedOut: boolean;
  /** Whether it logged `stopping` (it heard the signal). */
  stopping: boolean;
  note: string;
}

export interface FaultReport {
  at: string;
  seed: number;
  options: Omit<FaultRunOptions, 'progress'>;
  ms: number;
  prefix: string;
  schema: string;
  storm: StormReport | null;
  outages: OutagesReport | null;
  poison: PoisonReport | null;
  sigterm: SigtermReport[];
  /** Phases that had lost or duplicated messages, SIGTERMs over 10 s, processes that died by themselves, starts that hung. */
  findings: string[];
  unexpectedExits: (Ending & { process: string; uptimeMs: number })[];
  slowStarts: { process: string; ms: number }[];
  /** Warn and error log events of every process, counted by name. */
  events: Record<string, number>;
  problems: LoggedProblem[];
}

const webchatSecret = randomBytes(24).toString('base64url');

/** The clean-ups of the runs under way: each kills its processes and deletes its Redis keys and schema. */
const running = new Set<() => Promise<void>>();

/** Ends every run under way at once, cleaning up after it: for a signal, or a test that timed out. */
export async function abandonFaultRuns(): Promise<void> {
  await Promise.all([...running].map((cleanUp) => cleanUp()));
}

/** The deployment under test: proxies in front of the services, the processes, a Redis client for looking inside. */
interface Rig {
  prefix: string;
  schema: string;
  redisProxy: OutageProxy;
  pgProxy: OutageProxy;
  fleet: Fleet;
  /** Straight to Redis, not through the proxy: for reading the journal and the activity store's index. */
  redis: Redis;
  rng: () => number;
  options: FaultRunOptions;
  nextAddress: number;
}

/** Runs every phase the options ask for and reports; cleans up the Redis prefix and the schema whatever happens. */
export async function runFaults(options: FaultRunOptions): Promise<FaultReport> {
  const began = Date.now();
  const say = options.progress;
  const prefix = uniqueName('tcfault');
  const schema = uniqueName('tcfault');
  await mkdir(options.logDir, { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'tripcare-faults-'));
  const redisProxy = await OutageProxy.in(redisUrl);
  const pgProxy = await OutageProxy.in(postgresUrl);
  const fleet = new Fleet({
    webs: 2, workers: 1, logDir: options.logDir,
    env: {
      REDIS_URL: redisProxy.url(redisUrl), DATABASE_URL: pgProxy.url(postgresUrl), REDIS_PREFIX: prefix, DATABASE_SCHEMA: schema,
      WEBCHAT_SECRET: webchatSecret, TRUST_PROXY: '1', DEFAULT_LOCALE: 'en', DATA_DIR: dataDir, LOG_LEVEL: 'info',
      // Restarts are the storm's pace: V8's code cache spares each one some compiling.
      NODE_COMPILE_CACHE: join(tmpdir(), 'tripcare-faults-compile-cache'), NODE_NO_WARNINGS: '1',
    },
  });
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  const rig: Rig = { prefix, schema, redisProxy, pgProxy, fleet, redis, rng: seeded(options.seed), options, nextAddress: 1 };
  const { progress: _progress, ...kept } = options;
  const report: FaultReport = {
    at: new Date().toISOString(), seed: options.seed, options: kept, ms: 0, prefix, schema,
    storm: null, outages: null, poison: null, sigterm: [], findings: [], unexpectedExits: [], slowStarts: [], events: {}, problems: [],
  };
  let cleaned: Promise<void> | undefined;
  const cleanUp = () => cleaned ??= (async () => {
    redisProxy.restore();
    pgProxy.restore();
    await fleet.close();
    await Promise.all([redisProxy.close(), pgProxy.close()]);
    redis.disconnect();
    await dropTestData(prefix, schema).catch((e: unknown) => say(`cleanup failed: ${String(e)}`));
    await rm(dataDir, { recursive: true, force: true });
  })();
  running.add(cleanUp);
  try {
    say(`prefix ${prefix}, schema ${schema}, logs in ${options.logDir}`);
    await fleet.up();
    say(`fleet up: ${fleet.slots.map((p) => `${p.name} :${p.port}`).join(', ')} (starts ${fleet.startMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')})`);
    report.storm = await killStorm(rig);
    if (options.outages) report.outages = await outages(rig, options.outages);
    if (options.poison) report.poison = await poison(rig, options.poison.conversations);
    if (options.sigterm) report.sigterm = await sigterms(rig);
  } finally {
    await cleanUp();
    running.delete(cleanUp);
    report.unexpectedExits = fleet.unexpectedExits;
    report.slowStarts = fleet.slowStarts;
    report.events = Object.fromEntries([...fleet.events.entries()].sort(([, a], [, b]) => b - a));
    report.problems = fleet.problems;
  }
  report.findings = findings(report);
  report.ms = Date.now() - began;
  return report;
}

// ---------------------------------------------------------------- travellers

const openings: Record<'en' | 'zh-CN', string[][]> = {
  en: [
    ['The hotel room in Guilin was filthy and there was no hot water', 'They moved us to a much worse hotel than the one we booked, miles from the centre'],
    ['Our coach broke down on the way to Lijiang and we waited four hours in the sun', 'The bus had no air conditioning and the driver smoked the whole way'],
    ['The included dinners were cold and there was a hair in the soup', 'Half the group got sick after lunch at the tea farm'],
    ['Our guide was rude and kept us in a jade shop for three hours', 'The guide left us at the night market and never came back'],
    ['The river cruise was cancelled and I want my money back', 'We paid for the Erhai boat trip but it was skipped, I want a refund'],
    ['I want to talk to a real person', 'Can I speak to a manager please'],
  ],
  'zh-CN': [
    ['酒店房间很脏，没有热水', '酒店被换成了更差的，离市中心很远'],
    ['大巴在去丽江的路上坏了，我们在太阳下等了四个小时', '旅游车没有空调，司机一路抽烟'],
    ['团餐都是冷的，汤里还有头发', '团餐太差了，根本吃不饱'],
    ['导游态度很差，还强迫我们在玉器店待了三个小时', '导游把我们丢在夜市就走了'],
    ['漓江游船取消了，我要退款', '洱海游船没去成，我要求退钱'],
    ['请转人工客服', '我要找你们经理'],
  ],
};

const typed: Record<'en' | 'zh-CN', Record<'tour' | 'when' | 'people' | 'wants' | 'human' | 'other', string[]>> = {
  en: {
    tour: ['GZ-2611-A', 'YN-0705', 'order 88213'],
    when: ['yesterday', '12-16 April', 'last Tuesday'],
    people: ['2', 'we were 4', 'just me'],
    wants: ['I want a refund', 'an apology would do', 'compensation please'],
    human: ['I want to talk to a real person', 'let me speak to a human'],
    other: ['The air conditioning did not work either', 'hello?', 'ok', 'yes', 'and the toilet was broken'],
  },
  'zh-CN': {
    tour: ['GZ-2611-A', 'YN-0705', '订单号88213'],
    when: ['昨天', '4月12日到16日', '上周二'],
    people: ['2', '我们4个人', '就我一个'],
    wants: ['我要退款', '道个歉就行', '要求赔偿'],
    human: ['请转人工客服', '我要跟真人说话'],
    other: ['空调也坏了', '在吗？', '好的', '是的', '厕所也是坏的'],
  },
};

/** What the traveller says next: a suggested action's value (as pressing an imBack button does) or a typed answer to the question. */
function nextText(replies: DirectLineActivity[], locale: 'en' | 'zh-CN', rng: () => number): string {
  const last = replies.at(-1);
  const actions = last?.suggestedActions?.actions ?? [];
  if (actions.length > 0 && rng() < 0.7) return pick(actions, rng).value;
  const question = last?.text ?? '';
  const kind = /tour|booking|团号|订单|行程/i.test(question) ? 'tour'
    : /when|什么时候|哪天|日期/i.test(question) ? 'when'
      : /how many|who is affected|几位|多少人|几个人/i.test(question) ? 'people'
        : /would you like|希望|想要/i.test(question) ? 'wants' : 'other';
  return pick(typed[locale][kind], rng);
}

interface Plan {
  locale: 'en' | 'zh-CN';
  opening: string;
  messages: number;
  /** The message (index) that asks for a person, if one does. */
  humanAt: number | null;
}

function plan(rig: Rig, [min, max]: [number, number]): Plan {
  const { rng } = rig;
  const locale = rng() < 0.7 ? 'en' : 'zh-CN';
  const messages = min + Math.floor(rng() * (max - min + 1));
  return { locale, opening: pick(pick(openings[locale], rng), rng), messages, humanAt: rng() < 0.15 ? 1 + Math.floor(rng() * (messages - 1)) : null };
}

function newTraveller(rig: Rig, locale: 'en' | 'zh-CN'): DirectLineTraveller {
  const n = rig.nextAddress++;
  return new DirectLineTraveller({ pick: () => rig.fleet.pickWeb(), secret: webchatSecret, address: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`, locale, notAReply: isTimerMessage });
}

/** How long a traveller keeps sending one message, and waits for its answer, before giving up. */
const giveUpPostMs = 180_000;
const giveUpReplyMs = 180_000;

/** One conversation: the plan's messages, each sent once the previous one is answered; `stop()` ends it before the next message. */
async function converse(rig: Rig, t: DirectLineTraveller, p: Plan, stop: () => boolean = () => false): Promise<void> {
  await t.begin(Date.now() + giveUpPostMs);
  let text = p.opening;
  for (let i = 0; i < p.messages; i++) {
    const message = await t.say(text, Date.now() + giveUpPostMs);
    if (message.acceptedAt === null) return;
    const replies = await t.awaitReply(message, Date.now() + giveUpReplyMs);
    if (stop()) return;
    text = i + 1 === p.humanAt ? pick(typed[p.locale].human, rig.rng) : nextText(replies, p.locale, rig.rng);
    await sleep(150 + rig.rng() * 500); // reading, typing
  }
}

/**
 * Runs conversations `concurrency` at a time while `more()` says so; resolves to every traveller that
 * took part, pushed into `all` as each starts (so a phase can read them while the load runs).
 */
async function conversations(rig: Rig, concurrency: number, more: (started: number) => boolean, turns: [number, number], stop?: () => boolean, all: DirectLineTraveller[] = []): Promise<DirectLineTraveller[]> {
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (more(all.length) && !stop?.()) {
      const p = plan(rig, turns);
      const t = newTraveller(rig, p.locale);
      all.push(t);
      await converse(rig, t, p, stop).catch((e: unknown) => rig.options.progress(`  a conversation failed to start: ${String(e)}`));
    }
  }));
  return all;
}

// ---------------------------------------------------------------- phases

async function killStorm(rig: Rig): Promise<StormReport> {
  const { fleet, options: o, rng } = rig;
  const say = o.progress;
  const began = Date.now();
  const startsBefore = fleet.startMs.length;
  const kills: Kill[] = [];
  let loadDone = false;
  say(`kill storm: ${o.conversations} conversations (${o.concurrency} at once, ${o.turns.join('-')} messages each), ${o.kills} SIGKILLs`);
  // A slot whose last run was killed before it answered: its next run is left to come up.
  const killedStarting = new Set<number>();
  const killer = (async () => {
    while (!loadDone && kills.length < o.kills) {
      await sleep(o.killGapMs * (0.3 + rng() * 1.4));
      for (const p of fleet.slots) if (p.ready) killedStarting.delete(p.slot);
      const away = fleet.slots.filter((p) => !p.ready).length;
      const readyWebs = fleet.webs.filter((p) => p.ready).length;
      // Any process at a random moment, serving or starting (migrations, recovery at start), so long
      // as one web still serves, no more than two are away at once, and a start killed is let finish next time.
      const pool = fleet.slots.filter((p) => p.alive && (p.ready
        ? away < 2 && !(p.role === 'web' && readyWebs === 1)
        : !killedStarting.has(p.slot)));
      if (pool.length === 0) continue;
      const victim = pick(pool, rng);
      kills.push({ process: victim.name, at: Date.now(), wasReady: victim.ready, uptimeMs: Date.now() - victim.spawnedAt });
      if (!victim.ready) killedStarting.add(victim.slot);
      await victim.stop('SIGKILL');
      fleet.restart(victim.slot);
    }
  })();
  const going: DirectLineTraveller[] = [];
  const status = setInterval(() => {
    const sent = going.flatMap((t) => t.messages);
    say(`  ${(Date.now() - began) / 1000 | 0} s: ${going.length} conversations, ${sent.length} messages, ${sent.filter((m) => m.acceptedAt !== null).length} accepted, ${sent.filter((m) => m.answeredAt !== null).length} answered; ${kills.length} kills; up: ${fleet.slots.filter((p) => p.ready).map((p) => p.name).join(' ') || 'none'}`);
  }, 15_000);
  const travellers = await conversations(rig, o.concurrency, (started) => started < o.conversations || (kills.length < o.kills && started < o.conversations * 5), o.turns, undefined, going);
  clearInterval(status);
  loadDone = true;
  await killer;
  const ms = Date.now() - began;
  say(`  load done in ${(ms / 1000).toFixed(0)} s with ${kills.length} kills; waiting for every process and the journal to settle`);
  await settle(rig);
  const tally = await tallyOf(rig, travellers);
  const starts = fleet.startMs.slice(startsBefore);
  return {
    ...tally, ms, kills: kills.length,
    killsOfWeb: kills.filter((k) => k.process.startsWith('web')).length,
    killsOfWorker: kills.filter((k) => k.process.startsWith('worker')).length,
    killsWhileStarting: kills.filter((k) => !k.wasReady).length,
    startMs: stats(starts),
  };
}

async function outages(rig: Rig, o: NonNullable<FaultRunOptions['outages']>): Promise<OutagesReport> {
  const { fleet, options } = rig;
  const say = options.progress;
  await fleet.allReady();
  let stopping = false;
  const travellers: DirectLineTraveller[] = [];
  say(`outages: ${o.concurrency} conversations going; PostgreSQL cut ${o.postgresMs / 1000} s, then Redis cut ${o.redisMs / 1000} s`);
  const load = conversations(rig, o.concurrency, () => !stopping, options.turns, () => stopping, travellers);
  const sent = () => travellers.flatMap((t) => t.messages);
  const reports: OutageReport[] = [];
  // Under way first: some conversations answered, others mid-turn, when the service goes.
  for (const until = Date.now() + 8_000; Date.now() < until && sent().filter((m) => m.answeredAt !== null).length < o.concurrency;) await sleep(200);
  for (const [service, downMs, proxy] of [['postgres', o.postgresMs, rig.pgProxy], ['redis', o.redisMs, rig.redisProxy]] as const) {
    if (downMs <= 0) continue;
    const exitsBefore = fleet.unexpectedExits.length;
    const cutAt = Date.now();
    proxy.cut();
    say(`  ${service} cut`);
    await sleep(downMs);
    proxy.restore();
    const restoredAt = Date.now();
    say(`  ${service} back after ${((restoredAt - cutAt) / 1000).toFixed(1)} s`);
    const waiting = () => sent().filter((m) => m.firstTryAt < restoredAt && (m.answeredAt === null || m.answeredAt > cutAt));
    // Everything sent until it came back, answered, or 90 s.
    while (Date.now() - restoredAt < 90_000 && waiting().some((m) => m.answeredAt === null)) await sleep(500);
    const outstanding = waiting();
    const after = outstanding.filter((m) => m.answeredAt !== null && m.answeredAt > restoredAt).map((m) => m.answeredAt! - restoredAt);
    reports.push({
      service, downMs: restoredAt - cutAt, outstanding: outstanding.length,
      answeredDuringOutage: outstanding.filter((m) => m.answeredAt !== null && m.answeredAt <= restoredAt).length,
      answeredAfterRecovery: after.length,
      lateOrNever: outstanding.filter((m) => m.answeredAt === null || m.answeredAt - restoredAt > 60_000).length,
      maxAfterRecoveryMs: Math.max(0, ...after),
      processExits: fleet.unexpectedExits.length - exitsBefore,
    });
    say(`  ${service}: ${outstanding.length} messages waited; the last answered ${(Math.max(0, ...after) / 1000).toFixed(1)} s after it came back`);
    await sleep(3_000);
  }
  stopping = true;
  await load;
  await settle(rig);
  return { ...(await tallyOf(rig, travellers)), outages: reports };
}

async function poison(rig: Rig, after: number): Promise<PoisonReport> {
  const { fleet, options, redis, prefix } = rig;
  const say = options.progress;
  await fleet.allReady();
  say(`poison: a conversation whose stored state no longer parses, then ${after} conversations`);
  const victim = newTraveller(rig, 'en');
  await victim.begin(Date.now() + giveUpPostMs);
  const first = await victim.say('The hotel room in Guilin was filthy and there was no hot water', Date.now() + giveUpPostMs);
  await victim.awaitReply(first, Date.now() + giveUpReplyMs);
  // A state no tripcare can read (a bad deploy, a hand edit, a half-written value): every turn of it fails.
  const stateKey = `${prefix}:conversation:webchat:${victim.conversationId}`;
  if ((await redis.exists(stateKey)) !== 1) throw new Error(`poison: no conversation state under ${stateKey}`);
  await redis.set(stateKey, '{"key":"webchat:', 'KEEPTTL');
  const message = await victim.say('And the bus was late again this morning', Date.now() + giveUpPostMs);
  const inboxId = `webchat:${victim.conversationId}|c:${message.clientActivityID}`;
  const others = conversations(rig, Math.min(after, 10), (started) => started < after, options.turns);
  let deadAt: number | null = null;
  while (Date.now() - message.firstTryAt < 240_000) {
    if ((await redis.hexists(`${prefix}:inbox:dead`, inboxId)) === 1) {
      deadAt = Date.now();
      break;
    }
    await sleep(500);
  }
  say(`  dead-lettered: ${deadAt === null ? 'no' : `after ${((deadAt - message.firstTryAt) / 1000).toFixed(1)} s`}`);
  const travellers = await others;
  await settle(rig);
  await victim.poll().catch(() => undefined);
  const metric = await deadLetterMetric(rig);
  return {
    how: 'its conversation state in Redis overwritten with JSON cut short, then the traveller wrote again',
    accepted: message.acceptedAt !== null,
    deadLettered: deadAt !== null,
    deadLetterMs: deadAt === null ? null : deadAt - message.firstTryAt,
    deadLetterMetric: metric,
    poisonAnswered: victim.botActivitiesAfter(message.seenBefore).length > 0,
    after: await tallyOf(rig, travellers),
  };
}

async function deadLetterMetric(rig: Rig): Promise<number> {
  let sum = 0;
  for (const p of rig.fleet.webs) {
    const text = await fetch(`${p.base}/metrics`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.text(), () => '');
    const line = text.split('\n').find((l) => l.startsWith('tripcare_messages_dead_lettered_total'));
    sum += Number(line?.split(' ').at(-1) ?? 0);
  }
  return sum;
}

const staffUser = 'faultbench';
const staffPassword = `Fault-${randomBytes(12).toString('base64url')}`;

async function sigterms(rig: Rig): Promise<SigtermReport[]> {
  const { fleet, options, redisProxy, pgProxy } = rig;
  const say = options.progress;
  const results: SigtermReport[] = [];
  const added = await run(['staff', 'add', '--username', staffUser, '--name', 'Fault Bench', '--role', 'admin'], `${staffPassword}\n`, {
    DATABASE_URL: postgresUrl, DATABASE_SCHEMA: rig.schema, LOG_LEVEL: 'error',
  });
  if (added.code !== 0) throw new Error(`staff add failed: ${added.stderr}`);

  /** SIGTERMs `targets` at once, waits for each to exit (SIGKILL after 30 s), then starts them again. */
  const term = async (state: string, targets: TripcareProcess[], note: (p: TripcareProcess) => string = () => '') => {
    const at = Date.now();
    const endings = await Promise.all(targets.map(async (p) => {
      const hung = setTimeout(() => p.child.kill('SIGKILL'), 30_000);
      const ending = await p.stop('SIGTERM');
      clearTimeout(hung);
      return ending;
    }));
    targets.forEach((p, i) => {
      const ending = endings[i]!;
      const result: SigtermReport = {
        state, process: p.name, ms: ending.at - at, code: ending.code,
        timedOut: p.lines.some((l) => l.includes('stop.timed_out')), stopping: p.lines.some((l) => l.includes('"stopping"')), note: note(p),
      };
      results.push(result);
      say(`  SIGTERM ${state}: ${p.name} gone in ${(result.ms / 1000).toFixed(2)} s (code ${result.code}${result.timedOut ? ', cut off by SHUTDOWN_TIMEOUT_MS' : ''})${result.note ? `; ${result.note}` : ''}`);
    });
  };
  /** What a process logged from `stopping` on (event names): where its stop waited. */
  const stopLog = (p: TripcareProcess) => {
    const from = p.lines.findIndex((l) => l.includes('"stopping"'));
    const events = p.lines.slice(from + 1).map((l) => /"event":"([^"]+)"/.exec(l)?.[1]).filter((e) => e !== undefined);
    return events.length > 0 ? `logged after "stopping": ${events.join(', ')}` : '';
  };
  const restartAll = async () => {
    for (const p of fleet.slots) if (!p.alive) fleet.restart(p.slot);
    await fleet.allReady();
  };

  say('SIGTERM in each state');
  await fleet.allReady();
  await sleep(2_000);
  await term('idle', [fleet.webs[0]!, fleet.workers[0]!]);
  await restartAll();

  const writers: DirectLineTraveller[] = [];
  // Each service down when idle, then down under traffic (turns and jobs caught waiting on it).
  for (const [state, proxy, writing] of [['Redis down', redisProxy, 0], ['PostgreSQL down', pgProxy, 0], ['Redis down, travellers writing', redisProxy, 6], ['PostgreSQL down, travellers writing', pgProxy, 6]] as const) {
    let stopLoad = false;
    const load = writing > 0 ? conversations(rig, writing, () => !stopLoad, [20, 20], () => stopLoad, writers) : Promise.resolve([]);
    if (writing > 0) await sleep(6_000);
    proxy.cut();
    await sleep(3_000); // connections and probes now wait on a service that says nothing
    await term(state, [fleet.webs[0]!, fleet.workers[0]!], stopLog);
    stopLoad = true;
    proxy.restore();
    await restartAll();
    await load;
  }

  // A staff member signed in on web-0, holding the console's event stream open.
  const web = fleet.webs[0]!;
  const signIn = await fetch(`${web.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.200.0.1' }, body: JSON.stringify({ username: staffUser, password: staffPassword }) });
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (!signIn.ok || !cookie) throw new Error(`sign-in answered ${signIn.status}`);
  const events = await fetch(`${web.base}/api/events`, { headers: { cookie } });
  if (events.status !== 200 || !events.body) throw new Error(`/api/events answered ${events.status}`);
  let streamed = '';
  let streamEnded = false;
  const reading = (async () => {
    const reader = events.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) break;
      streamed += Buffer.from(value).toString();
    }
    streamEnded = true;
  })();
  await sleep(1_000);
  await term('console event stream held', [web], () => `stream ${streamEnded ? 'ended' : 'still open'}, ${streamed.includes('event: closing') ? "'closing' sent" : "no 'closing' event"}`);
  await Promise.race([reading, sleep(2_000)]);
  await restartAll();

  // Jobs running: travellers mid-complaint (bursts waiting to be flushed, turns under way) when web-1 and the worker are told to stop.
  const busy: DirectLineTraveller[] = [];
  const load = Promise.all(Array.from({ length: 12 }, async () => {
    const p = plan(rig, [3, 4]);
    const t = newTraveller(rig, p.locale);
    busy.push(t);
    await converse(rig, t, p).catch(() => undefined);
  }));
  const until = Date.now() + 20_000;
  while (Date.now() < until && busy.flatMap((t) => t.messages).filter((m) => m.acceptedAt !== null && m.answeredAt === null).length < 4) await sleep(50);
  const pending = busy.flatMap((t) => t.messages).filter((m) => m.acceptedAt !== null && m.answeredAt === null).length;
  await term('jobs running', [fleet.workers[0]!, fleet.webs[1]!], () => `${pending} messages awaiting replies`);
  await restartAll();
  await load;
  await settle(rig);
  const tally = await tallyOf(rig, [...writers, ...busy]);
  results.push({
    state: 'all', process: 'travellers', ms: 0, code: null, timedOut: false, stopping: false,
    note: `${tally.accepted} messages sent around these stops: ${tally.lost} lost, ${tally.duplicates} duplicated${tally.evidence.length > 0 ? `: ${tally.evidence.join(' | ')}` : ''}`,
  });
  return results;
}

// ---------------------------------------------------------------- reading the histories

/** Waits for every process to answer and the journal to hold no message still unanswered (at most 120 s). */
async function settle(rig: Rig): Promise<void> {
  await rig.fleet.allReady();
  const until = Date.now() + 120_000;
  while (Date.now() < until && (await rig.redis.hlen(`${rig.prefix}:inbox:open`)) > 0) await sleep(500);
}

/** Reads each conversation's history from a web that is up, and the activity store's index of reply ids, and counts. */
async function tallyOf(rig: Rig, travellers: DirectLineTraveller[]): Promise<Tally> {
  const started = travellers.filter((t) => t.conversationId !== '');
  const tally: Tally = {
    conversations: travellers.length, notStarted: travellers.length - started.length, messages: 0, accepted: 0, lost: 0, duplicates: 0, sameReplyTwice: 0, extraTurns: 0,
    missingEchoes: 0, duplicateEchoes: 0, repliesBeforeEcho: 0, errorNotices: 0, timerMessages: 0, postRetries: 0, postFailures: {}, replyMs: stats([]), evidence: [], details: [],
  };
  const replyTimes: number[] = [];
  const queue = [...started];
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      const history = await t.history(Date.now() + 60_000);
      const once = await rig.redis.hgetall(`${rig.prefix}:webchat:{${t.conversationId}}:once`);
      await judge(rig, t, history, once, tally, replyTimes);
    }
  }));
  tally.duplicates = tally.sameReplyTwice + tally.extraTurns;
  tally.replyMs = stats(replyTimes);
  return tally;
}

const phrases = ['en', 'zh-CN', 'zh-TW'].map((locale) => JSON.parse(readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>);
const errorNoticeTexts = new Set(phrases.map((p) => p['notice.error']));
/** What the bot says by itself when a promised time passes (sla.due): not a reply to a message. */
const timerTemplates = phrases.flatMap((p) => [p['handoff.late'], p['promise.late']]).filter((t) => t !== undefined)
  .map((t) => new RegExp(`^${t.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '.+')}$`, 's'));
export const isTimerMessage = (a: DirectLineActivity): boolean => a.from.role === 'bot' && timerTemplates.some((t) => t.test(a.text ?? ''));

/**
 * One conversation. A message's stretch is the bot activities after what the traveller had seen
 * when sending it, up to what it had seen when sending the next: a traveller sends the next only
 * once answered, so a stretch with no bot activity is a lost message, and one with the same reply
 * twice a duplicate. Reply activities carry no replyToId, and their ids are the store's sequence;
 * the activity store's once-index maps each to the engine's reply id `<turn>.<i>`, so turns are
 * counted too: more turns than messages is a message answered twice, fewer a message answered
 * only together with a later one. What the bot writes by itself when a promised time passes
 * (`handoff.late`, `promise.late`) answers no message and is left out of both counts.
 */
async function judge(rig: Rig, t: DirectLineTraveller, history: DirectLineActivity[], once: Record<string, string>, tally: Tally, replyTimes: number[]): Promise<void> {
  const bySeq = new Map(history.map((a) => [seqOf(a.id), a]));
  const turnOfSeq = new Map<number, number>();
  for (const [key, seq] of Object.entries(once)) {
    const reply = /^(\d+)\.\d+$/.exec(key);
    if (reply) turnOfSeq.set(Number(seq), Number(reply[1]));
  }
  // The bot's own messages when a promised time passes answer no message: kept apart.
  const bots = [...bySeq.entries()].filter(([, a]) => a.from.role === 'bot' && !isTimerMessage(a)).sort(([a], [b]) => a - b);
  tally.timerMessages += [...bySeq.values()].filter(isTimerMessage).length;
  const echoes = new Map<string, number[]>();
  for (const [seq, a] of bySeq) {
    const id = a.from.role === 'user' ? a.channelData?.clientActivityID : undefined;
    if (id) echoes.set(id, [...(echoes.get(id) ?? []), seq]);
  }
  tally.errorNotices += bots.filter(([, a]) => errorNoticeTexts.has(a.text)).length;
  const found: string[] = [];
  const where = `conversation ${t.conversationId}`;
  const lost: string[] = [];
  const lostMessages: SentMessage[] = [];
  t.messages.forEach((m, k) => {
    tally.messages++;
    tally.postRetries += m.attempts - 1;
    for (const f of m.failures) tally.postFailures[f] = (tally.postFailures[f] ?? 0) + 1;
    if (m.acceptedAt === null) return;
    tally.accepted++;
    if (m.answeredAt !== null) replyTimes.push(m.answeredAt - m.firstTryAt);
    const mine = echoes.get(m.clientActivityID) ?? [];
    if (mine.length === 0) {
      tally.missingEchoes++;
      found.push(`missing echo: ${where} message ${k + 1} (${m.clientActivityID}) accepted but not in the history`);
    }
    if (mine.length > 1) {
      tally.duplicateEchoes++;
      found.push(`echo twice: ${where} message ${k + 1} at seq ${mine.join(', ')}`);
    }
    const to = t.messages[k + 1]?.seenBefore ?? Infinity;
    const stretch = bots.filter(([seq]) => seq > m.seenBefore && seq <= to);
    if (stretch.length === 0) {
      tally.lost++;
      lost.push(`lost: ${where} message ${k + 1} "${m.text}" (${m.clientActivityID}), accepted ${new Date(m.acceptedAt).toISOString()} after ${m.attempts} POST(s) [${m.failures.join(' ')}], echo seq ${m.echoSeq}; no bot activity after seq ${m.seenBefore}${Number.isFinite(to) ? ` up to ${to}` : ''}`);
      lostMessages.push(m);
      return;
    }
    if (mine[0] !== undefined && stretch[0]![0] < mine[0]) {
      tally.repliesBeforeEcho++;
      found.push(`reply before echo: ${where} message ${k + 1}: reply seq ${stretch[0]![0]}, echo seq ${mine[0]}`);
    }
    const texts = new Map<string, number[]>();
    for (const [seq, a] of stretch) {
      const key = `${a.text ?? ''}\u0001${JSON.stringify(a.suggestedActions ?? null)}`;
      texts.set(key, [...(texts.get(key) ?? []), seq]);
    }
    for (const [key, seqs] of texts) {
      if (seqs.length < 2) continue;
      tally.sameReplyTwice += seqs.length - 1;
      found.push(`same reply twice: ${where} message ${k + 1}: seqs ${seqs.join(', ')} (turns ${seqs.map((s) => turnOfSeq.get(s) ?? '?').join(', ')}) "${key.split('\u0001')[0]!.slice(0, 80)}"`);
    }
  });
  for (const [i, line] of lost.entries()) found.push(`${line}; ${await journalOf(rig, t, lostMessages[i]!)}`);
  const timerTurns = new Set([...bySeq.entries()].filter(([, a]) => isTimerMessage(a)).map(([seq]) => turnOfSeq.get(seq)));
  const turns = new Set(bots.map(([seq]) => turnOfSeq.get(seq)).filter((turn): turn is number => turn !== undefined && !timerTurns.has(turn)));
  const unindexed = bots.filter(([seq]) => !turnOfSeq.has(seq)).map(([seq]) => seq);
  if (unindexed.length > 0) found.push(`replies with no reply id in the store's index: ${where} seqs ${unindexed.join(', ')}`);
  const echoed = t.messages.filter((m) => (echoes.get(m.clientActivityID) ?? []).length > 0).length;
  if (turns.size > echoed) {
    tally.extraTurns += turns.size - echoed;
    found.push(`more turns than messages: ${where}: ${echoed} messages echoed, turns ${[...turns].sort((a, b) => a - b).join(', ')}`);
  }
  // Two messages answered by one turn (one of them heard only with the next): a loss the stretches may not show.
  const merged = echoed - turns.size - lostMessages.length;
  if (merged > 0) {
    tally.lost += merged;
    found.push(`fewer turns than messages: ${where}: ${echoed} messages echoed, ${lostMessages.length} found unanswered, turns ${[...turns].sort((a, b) => a - b).join(', ')}`);
  }
  if (found.length === 0) return;
  tally.evidence.push(...found);
  tally.details.push(await detailOf(rig, t, history, once));
}

const iso = (at: number | null) => (at === null ? '-' : new Date(at).toISOString().slice(11, 23));

/** Everything known of one conversation, for the report's details. */
async function detailOf(rig: Rig, t: DirectLineTraveller, history: DirectLineActivity[], once: Record<string, string>): Promise<ConversationDetail> {
  const replyIdOf = new Map(Object.entries(once).map(([key, seq]) => [Number(seq), key]));
  const stateJson = await rig.redis.get(`${rig.prefix}:conversation:webchat:${t.conversationId}`);
  let state = 'none';
  if (stateJson) {
    try {
      const v = JSON.parse(stateJson) as { turn?: number; mode?: string; complaint?: { step?: string }; pending?: { texts?: string[]; lastAt?: number } | null; handled?: string[]; outbox?: { id: string }[] };
      state = `turn ${v.turn}, mode ${v.mode}, step ${v.complaint?.step}, pending ${v.pending ? `${v.pending.texts?.length} text(s) lastAt ${iso(v.pending.lastAt ?? null)}` : 'none'}, outbox [${(v.outbox ?? []).map((o) => o.id).join(' ')}], handled …${(v.handled ?? []).slice(-3).map((h) => h.split('|c:')[1] ?? h).join(' ')}`;
    } catch {
      state = 'unreadable';
    }
  }
  const flushJobs: string[] = [];
  const events = await rig.redis.xrange(`${rig.prefix}:turn.flush:events`, '-', '+').catch(() => []);
  for (const [id, fields] of events) {
    const f = Object.fromEntries(fields.flatMap((_, i) => (i % 2 === 0 ? [[fields[i], fields[i + 1]]] : [])));
    if (!String(f.jobId ?? '').includes(t.conversationId)) continue;
    const lastAt = Number(/%3A(\d+)$/.exec(String(f.jobId))?.[1] ?? 0);
    flushJobs.push(`${iso(Number(id.split('-')[0]))} ${f.event} (burst ${iso(lastAt)})${f.failedReason ? ` ${f.failedReason}` : ''}${f.prev ? ` from ${f.prev}` : ''}`);
  }
  return {
    conversationId: t.conversationId,
    messages: t.messages.map((m, k) => `${k + 1} "${m.text}" sent ${iso(m.firstTryAt)} accepted ${iso(m.acceptedAt)} answered ${iso(m.answeredAt)} posts ${m.attempts}${m.failures.length ? ` [${m.failures.join(' ')}]` : ''} seenBefore ${m.seenBefore} echo ${m.echoSeq}`),
    history: history.map((a) => `${seqOf(a.id)} ${a.from.role}${replyIdOf.has(seqOf(a.id)) && a.from.role === 'bot' ? ` [${replyIdOf.get(seqOf(a.id))}]` : ''} ${iso(Date.parse(a.timestamp))} ${(a.text ?? '').replace(/\s+/g, ' ').slice(0, 60)}`),
    state,
    flushJobs,
  };
}

/** What the journal says of a message (still open, failed n times, dead-lettered), for the evidence. */
async function journalOf(rig: Rig, t: DirectLineTraveller, m: SentMessage): Promise<string> {
  const id = `webchat:${t.conversationId}|c:${m.clientActivityID}`;
  const base = `${rig.prefix}:inbox`;
  const [open, failures, dead, seen] = await Promise.all([rig.redis.hexists(`${base}:open`, id), rig.redis.hget(`${base}:failures`, id), rig.redis.hexists(`${base}:dead`, id), rig.redis.exists(`${base}:seen:${id}`)]);
  return `journal: seen ${seen}, open ${open}, failures ${failures ?? 0}, dead ${dead}`;
}

// ---------------------------------------------------------------- figures

function findings(r: FaultReport): string[] {
  const out: string[] = [];
  const phase = (name: string, t: Tally | null | undefined) => {
    if (!t) return;
    if (t.lost > 0) out.push(`${name}: ${t.lost} message(s) lost`);
    if (t.duplicates > 0) out.push(`${name}: ${t.duplicates} duplicate repl(ies)`);
    if (t.missingEchoes + t.duplicateEchoes > 0) out.push(`${name}: ${t.missingEchoes} missing and ${t.duplicateEchoes} doubled echoes`);
    if (t.repliesBeforeEcho > 0) out.push(`${name}: ${t.repliesBeforeEcho} repl(ies) stored before the traveller's own message`);
  };
  phase('kill storm', r.storm);
  if (r.storm && r.storm.kills < r.options.kills) out.push(`kill storm: only ${r.storm.kills} kills of ${r.options.kills}`);
  phase('outages', r.outages);
  for (const o of r.outages?.outages ?? []) {
    if (o.lateOrNever > 0) out.push(`${o.service} outage: ${o.lateOrNever} message(s) not answered within 60 s of recovery`);
    if (o.processExits > 0) out.push(`${o.service} outage: ${o.processExits} process(es) ended by themselves`);
  }
  if (r.poison) {
    if (!r.poison.deadLettered) out.push('poison: the message was not dead-lettered');
    phase('conversations after the poison', r.poison.after);
  }
  for (const s of r.sigterm) {
    if (s.process === 'travellers') {
      if (!/: 0 lost, 0 duplicated/.test(s.note)) out.push(`SIGTERM: ${s.note}`);
    }
    else if (s.ms > 10_000) out.push(`SIGTERM ${s.state}: ${s.process} took ${(s.ms / 1000).toFixed(2)} s`);
    else if (s.timedOut) out.push(`SIGTERM ${s.state}: ${s.process} did not finish its stop; SHUTDOWN_TIMEOUT_MS cut it off at ${(s.ms / 1000).toFixed(2)} s`);
  }
  for (const e of r.unexpectedExits) out.push(`${e.process} ended by itself (code ${e.code}, signal ${e.signal}) after ${(e.uptimeMs / 1000).toFixed(1)} s`);
  for (const s of r.slowStarts) out.push(`${s.process} did not answer /healthz within ${(s.ms / 1000).toFixed(0)} s of its start`);
  return out;
}

/** The figures as a table. */
export function formatReport(r: FaultReport): string {
  const rows: [string, string][] = [];
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const dist = (x: Stats) => (x.n === 0 ? '—' : `p50 ${s(x.p50)}, p95 ${s(x.p95)}, max ${s(x.max)}`);
  const tally = (name: string, t: Tally) => {
    rows.push([`${name}: conversations / messages / accepted`, `${t.conversations} / ${t.messages} / ${t.accepted}${t.notStarted ? ` (${t.notStarted} never started)` : ''}`]);
    rows.push([`${name}: lost / duplicate replies`, `${t.lost} / ${t.duplicates} (same reply twice ${t.sameReplyTwice}, extra turns ${t.extraTurns})`]);
    rows.push([`${name}: echoes missing / doubled, replies before echo`, `${t.missingEchoes} / ${t.duplicateEchoes}, ${t.repliesBeforeEcho}`]);
    rows.push([`${name}: "something went wrong" replies / late-promise messages`, `${t.errorNotices} / ${t.timerMessages}`]);
    rows.push([`${name}: POSTs sent again`, `${t.postRetries}${Object.keys(t.postFailures).length ? ` (${Object.entries(t.postFailures).map(([k, v]) => `${k} ×${v}`).join(', ')})` : ''}`]);
    rows.push([`${name}: first POST → first reply`, dist(t.replyMs)]);
  };
  if (r.storm) {
    rows.push(['kill storm: SIGKILLs (web / worker / while starting)', `${r.storm.kills} (${r.storm.killsOfWeb} / ${r.storm.killsOfWorker} / ${r.storm.killsWhileStarting}) in ${s(r.storm.ms)}`]);
    rows.push(['kill storm: start to /healthz', dist(r.storm.startMs)]);
    tally('kill storm', r.storm);
  }
  if (r.outages) {
    for (const o of r.outages.outages) {
      rows.push([`${o.service} down ${s(o.downMs)}: messages waiting / answered during / after`, `${o.outstanding} / ${o.answeredDuringOutage} / ${o.answeredAfterRecovery}`]);
      rows.push([`${o.service}: max time to answer after recovery`, `${s(o.maxAfterRecoveryMs)} (${o.lateOrNever} over 60 s or never; ${o.processExits} process exits)`]);
    }
    tally('outages', r.outages);
  }
  if (r.poison) {
    const p = r.poison;
    rows.push(['poison: made by', p.how]);
    rows.push(['poison: accepted / dead-lettered / answered', `${p.accepted} / ${p.deadLettered}${p.deadLetterMs === null ? '' : ` after ${s(p.deadLetterMs)}`} / ${p.poisonAnswered} (dead-letter metric ${p.deadLetterMetric})`]);
    tally('after the poison', p.after);
  }
  for (const t of r.sigterm) rows.push([`SIGTERM ${t.state}: ${t.process}`, t.process === 'travellers' ? t.note : `${(t.ms / 1000).toFixed(2)} s, code ${t.code}${t.timedOut ? ', cut off by SHUTDOWN_TIMEOUT_MS' : ''}${t.stopping ? '' : ', never logged "stopping"'}${t.note ? `; ${t.note}` : ''}`]);
  rows.push(['processes that ended by themselves', String(r.unexpectedExits.length)]);
  rows.push(['warn/error log events', Object.entries(r.events).map(([k, v]) => `${k} ×${v}`).join(', ') || '—']);
  rows.push(['whole run', s(r.ms)]);
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  lines.push('', r.findings.length === 0 ? 'findings: none' : `findings:\n${r.findings.map((f) => `  - ${f}`).join('\n')}`);
  const evidence = [...(r.storm?.evidence ?? []), ...(r.outages?.evidence ?? []), ...(r.poison?.after.evidence ?? [])];
  if (evidence.length > 0) lines.push('evidence:', ...evidence.slice(0, 40).map((e) => `  ${e}`));
  const details = [r.storm, r.outages, r.poison?.after].reduce((n, t) => n + (t?.details.length ?? 0), 0);
  if (details > 0) lines.push(`(each of these ${details} conversation(s) in full — messages, history with reply ids, stored state, flush jobs — under "details" in the JSON report)`);
  return lines.join('\n');
}

// ---------------------------------------------------------------- small things

function stats(values: number[]): Stats {
  if (values.length === 0) return { n: 0, p50: 0, p95: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}

function pick<T>(items: readonly T[], rng: () => number): T {
  return items[Math.floor(rng() * items.length)]!;
}

