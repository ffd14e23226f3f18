import { access, constants, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { channels } from '../../adapters/index.ts';
import type { ChannelRole } from '../../adapters/channel.ts';
import type { ServedChannel } from '../../adapters/index.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { SqlDatabase } from '../stores/sql/sql-database.ts';
import * as texts from './texts.ts';
import type { CheckStatus } from './texts.ts';

const words = texts.doctor;

/** No check takes longer; the services' own timeouts are set below it, so their message is the one shown. */
const checkMs = 5_000;
const serviceMs = 4_000;

interface Found {
  status: CheckStatus;
  what: string;
  found: string;
  /** On failure: what to change, naming the variable. */
  fix?: string;
}

const ok = (what: string, found: string): Found => ({ status: 'ok', what, found });
const skip = (what: string, found: string): Found => ({ status: 'skip', what, found });
const fail = (what: string, found: string, fix: string): Found => ({ status: 'fail', what, found, fix });
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const silent: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * `tripcare doctor`: checks, in order, that the configuration parses; that PostgreSQL (or PGlite)
 * answers and its migrations are current; that Redis answers; that each channel on in `role` can
 * sign in; that the policy and teams files load. One line each as it is done; nothing is changed
 * anywhere (migrations are reported, not applied). Exit 0 when nothing failed, else 1.
 */
export async function doctor(env: NodeJS.ProcessEnv, role: ChannelRole, output: Writable): Promise<number> {
  let failed = 0;
  const say = (f: Found) => {
    if (f.status === 'fail') failed++;
    output.write(texts.doctorLine(f.status, f.what, f.found, f.fix));
  };

  const config = await configuration(env, say);
  if (!config) {
    for (const what of [words.postgres.what, words.redis.what, ...channels.map((c) => words.channel.what(c.channel)), words.policy.what, words.teams.what]) {
      say(skip(what, words.skippedForConfig));
    }
  } else {
    if (role !== 'start' && !config.REDIS_URL) say(fail(words.config.what, words.config.roleNeedsRedis(role), words.config.roleNeedsRedisFix));
    for await (const found of database(config)) say(found);
    say(await timed(words.redis.what, words.redis.fix, () => redis(config)));
    for (const channel of channels) {
      const what = words.channel.what(channel.channel);
      const { check, fix, offWithout } = channelChecks[channel.channel];
      say(channel.enabled(config, role) ? await timed(what, fix, () => check(config, role)) : skip(what, words.channel.off(offWithout)));
    }
    say(await timed(words.policy.what, words.policy.fix, () => policy(config)));
    say(await timed(words.teams.what, words.teams.fix, () => teams(config)));
  }
  output.write(texts.doctorSummary(failed));
  return failed > 0 ? 1 : 0;
}

/**
 * `check()`, or a failure (with `fix`) when it throws or takes longer than `checkMs`; what it
 * started is then left to the process's exit.
 */
async function timed(what: string, fix: string, check: () => Promise<Found>): Promise<Found> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Found>((resolve) => (timer = setTimeout(() => resolve(fail(what, words.timedOut(checkMs), fix)), checkMs)));
  try {
    return await Promise.race([check().catch((e: unknown) => fail(what, messageOf(e), fix)), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Lets go of a connection, waiting at most a second for it. */
async function release(close: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([close().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, 1_000)))]);
  clearTimeout(timer);
}

async function configuration(env: NodeJS.ProcessEnv, say: (f: Found) => void): Promise<Config | null> {
  const { ConfigError, loadConfig } = await import('../config.ts');
  try {
    const config = loadConfig(env);
    say(ok(words.config.what, words.config.ok));
    return config;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    // "Invalid configuration:\n  PORT: …\n  TIME_ZONE: …" on one line.
    const problems = e.message.split('\n').slice(1).map((l) => l.trim()).filter(Boolean).join('; ');
    say(fail(words.config.what, words.config.fail(problems || e.message), words.config.fix));
    return null;
  }
}

/** PostgreSQL (DATABASE_URL) or PGlite (DATA_DIR), then its migrations: two lines. */
async function* database(config: Config): AsyncGenerator<Found> {
  const [what, fix] = config.DATABASE_URL ? [words.postgres.what, words.postgres.fix] : [words.pglite.what, words.pglite.fix];
  let db: SqlDatabase | undefined;
  yield await timed(what, fix, async () => {
    const opened = await (config.DATABASE_URL ? postgres(config, config.DATABASE_URL) : pglite(config.DATA_DIR));
    db = opened.db;
    return opened.found;
  });
  const open = db; // undefined: it failed, has no database yet, or is still opening (then the exit lets go of it)
  if (!open) {
    yield skip(words.migrations.what, words.migrations.skipped);
    return;
  }
  try {
    yield await timed(words.migrations.what, words.migrations.fix, () => migrations(open));
  } finally {
    await release(() => open.close());
  }
}

async function postgres(config: Config, url: string): Promise<{ found: Found; db?: SqlDatabase }> {
  const [{ PostgresDatabase }, { postgresProblem }, { addressOf }] = await Promise.all([
    import('../stores/sql/postgres-database.ts'), import('../stores/sql/open-postgres.ts'), import('../stores/service-errors.ts'),
  ]);
  const db = new PostgresDatabase({
    url, maxConnections: 1, connectTimeoutMs: Math.min(config.PG_CONNECT_TIMEOUT_MS, serviceMs), statementTimeoutMs: serviceMs,
    ...(config.DATABASE_SCHEMA ? { schema: config.DATABASE_SCHEMA } : {}),
  });
  try {
    await db.reached();
  } catch (e) {
    await db.close().catch(() => undefined);
    return { found: fail(words.postgres.what, postgresProblem(e).message, words.postgres.fix) };
  }
  return { found: ok(words.postgres.what, words.postgres.ok(addressOf(url))), db };
}

async function pglite(dir: string): Promise<{ found: Found; db?: SqlDatabase }> {
  const what = words.pglite.what;
  // A directory without a database is created at the first start: only whether it can be, here.
  if (!(await exists(join(dir, 'PG_VERSION')))) {
    return (await writable(dir)) ? { found: ok(what, words.pglite.fresh(dir)) } : { found: fail(what, `${dir}: not writable`, words.pglite.fix) };
  }
  const { PgliteDatabase } = await import('../stores/sql/pglite-database.ts');
  try {
    return { found: ok(what, words.pglite.ok(dir)), db: await PgliteDatabase.open(dir) };
  } catch (e) {
    // DataDirLock's refusal: a running tripcare has it open, which says it works.
    if (/ is in use by /.test(messageOf(e))) return { found: skip(what, words.pglite.busy(dir)) };
    return { found: fail(what, messageOf(e), words.pglite.fix) };
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** Whether `dir`, or the nearest directory above it that exists, may be written to. */
async function writable(dir: string): Promise<boolean> {
  let at = dir;
  while (!(await exists(at)) && dirname(at) !== at) at = dirname(at);
  return access(at, constants.W_OK).then(() => true, () => false);
}

async function migrations(db: SqlDatabase): Promise<Found> {
  const what = words.migrations.what;
  const [{ loadMigrations }, { int }, { sqlState }] = await Promise.all([
    import('../stores/sql/migrate.ts'), import('../stores/sql/rows.ts'), import('../stores/sql/sql-database.ts'),
  ]);
  const known = new Set((await loadMigrations()).map((m) => m.version));
  let applied: number[];
  try {
    applied = (await db.query('SELECT version FROM tripcare_migrations')).map((r) => int(r, 'version'));
  } catch (e) {
    // 42P01: no migrations table yet (a new database or schema): nothing is applied.
    if (sqlState(e) !== '42P01') return fail(what, messageOf(e), words.migrations.fix);
    applied = [];
  }
  const ahead = applied.filter((v) => !known.has(v));
  if (ahead.length > 0) return fail(what, words.migrations.ahead(ahead), words.migrations.aheadFix);
  const pending = known.size - applied.length;
  if (pending === 0) return ok(what, words.migrations.current(applied.length));
  if (db.dialect === 'postgres' && !(await mayCreate(db))) return fail(what, words.migrations.cannotCreate(pending), words.migrations.cannotCreateFix);
  return ok(what, words.migrations.pending(pending, applied.length));
}

/** Whether the role may create tables where the migrations put them: the schema, or (not there yet) the database. */
async function mayCreate(db: SqlDatabase): Promise<boolean> {
  const [row] = await db.query(`SELECT CASE WHEN current_schema() IS NULL
    THEN has_database_privilege(current_database(), 'CREATE')
    ELSE has_schema_privilege(current_schema(), 'CREATE') END AS may`);
  return row?.may === true;
}

async function redis(config: Config): Promise<Found> {
  const what = words.redis.what;
  if (!config.REDIS_URL) return skip(what, words.redis.unset);
  const [{ openRedis }, { addressOf }] = await Promise.all([import('../stores/redis/open-redis.ts'), import('../stores/service-errors.ts')]);
  const stores = openRedis(config.REDIS_URL, { log: silent, prefix: config.REDIS_PREFIX, connectTimeoutMs: Math.min(config.REDIS_CONNECT_TIMEOUT_MS, serviceMs) });
  try {
    await stores.reached();
    return ok(what, words.redis.ok(addressOf(config.REDIS_URL)));
  } catch (e) {
    return fail(what, messageOf(e), words.redis.fix);
  } finally {
    await release(() => stores.close());
  }
}

interface ChannelCheck {
  /** The channel's sign-in, as it would be done at start. */
  check(config: Config, role: ChannelRole): Promise<Found>;
  fix: string;
  /** The variable whose absence turns the channel off. */
  offWithout: string;
}

/** Every channel of adapters/index.ts has its check. */
const channelChecks: Record<ServedChannel, ChannelCheck> = {
  wechat: { check: wechat, fix: words.wechat.fix, offWithout: 'WECHAT_PUPPET' },
  telegram: { check: telegram, fix: words.telegram.fix, offWithout: 'TELEGRAM_BOT_TOKEN' },
  webchat: { check: webchat, fix: words.webchat.fix, offWithout: 'WEBCHAT_SECRET' },
};

async function wechat(config: Config): Promise<Found> {
    const what = words.channel.what('wechat');
    const puppet = config.WECHAT_PUPPET ?? '';
    if (puppet !== 'official-account') {
      // A personal-account puppet signs in by a scan at start: whether its package loads, here.
      const { loadPuppet } = await import('../../adapters/wechat/load-puppet.ts');
      return loadPuppet(puppet, config.WECHAT_PUPPET_TOKEN).then(() => ok(what, words.wechat.puppet(puppet)), (e: unknown) => fail(what, messageOf(e), words.wechat.puppetFix));
    }
    const appId = config.WECHAT_OA_APP_ID ?? '';
    return wechatToken(config.WECHAT_OA_API_BASE, appId, config.WECHAT_OA_APP_SECRET ?? '').then(
      (errcode) => (errcode === 0 ? ok(what, words.wechat.ok(appId)) : fail(what, words.wechat.refused(errcode), words.wechat.fix)),
      (e: unknown) => fail(what, words.wechat.unreachable(reason(e)), words.wechat.fix),
    );
}

async function telegram(config: Config): Promise<Found> {
    const what = words.channel.what('telegram');
    const { Telegram } = await import('telegraf');
    const api = new Telegram(config.TELEGRAM_BOT_TOKEN ?? '', { webhookReply: false, ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}) });
    try {
      const me = await api.getMe();
      return ok(what, words.telegram.ok(me.username));
    } catch (e) {
      // telegraf's TelegramError: the Bot API answered, and refused (401 for a wrong token).
      const answered = e instanceof Error && 'description' in e && typeof e.description === 'string' ? `${'code' in e ? String(e.code) : ''} ${e.description}`.trim() : null;
      return fail(what, answered ? words.telegram.refused(answered) : words.telegram.unreachable(reason(e)), words.telegram.fix);
    }
}

async function webchat(config: Config, role: ChannelRole): Promise<Found> {
    const what = words.channel.what('webchat');
    if (config.WEBCHAT_SECRET) return ok(what, words.webchat.ok);
    if (role === 'web') return fail(what, words.webchat.missing, words.webchat.fix);
    return role === 'start' ? ok(what, words.webchat.ephemeral) : skip(what, words.webchat.notNeeded);
}

/**
 * The Official Account's access token, fetched as CustomerServiceApi fetches it (GET /cgi-bin/token
 * on WECHAT_OA_API_BASE; its fetch is private to it): 0 when WeChat gave one, else WeChat's errcode.
 * The secret goes in the query, as WeChat wants, and is never shown.
 */
async function wechatToken(apiBase: string, appId: string, secret: string): Promise<number> {
  const query = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret });
  const response = await fetch(`${apiBase.replace(/\/+$/, '')}/cgi-bin/token?${query}`, { signal: AbortSignal.timeout(serviceMs) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const answer = (await response.json().catch(() => null)) as { access_token?: unknown; errcode?: unknown } | null;
  if (typeof answer?.access_token === 'string' && answer.access_token !== '') return 0;
  return typeof answer?.errcode === 'number' ? answer.errcode : -1;
}

/** Why a request got no answer: the socket's code (ECONNREFUSED, ENOTFOUND), a timeout, or its message. */
function reason(e: unknown): string {
  for (let error = e, depth = 0; error instanceof Error && depth < 4; error = error.cause, depth++) {
    if ('code' in error && typeof error.code === 'string' && /^E[A-Z_]+$/.test(error.code)) return error.code;
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return words.timedOut(serviceMs);
  }
  return messageOf(e);
}

async function policy(config: Config): Promise<Found> {
  const what = words.policy.what;
  const { loadPolicy } = await import('../policy/policy-file.ts');
  return loadPolicy(config.POLICY_FILE).then(
    (p) => ok(what, words.policy.ok(config.POLICY_FILE ?? words.defaultFile, p.version)),
    (e: unknown) => fail(what, messageOf(e), words.policy.fix),
  );
}

async function teams(config: Config): Promise<Found> {
  const what = words.teams.what;
  const { loadTeams } = await import('../desk/teams.ts');
  return loadTeams(config.TEAMS_FILE).then(
    (t) => ok(what, words.teams.ok(config.TEAMS_FILE ?? words.defaultFile, t.all.length)),
    (e: unknown) => fail(what, messageOf(e), words.teams.fix),
  );
}
