import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../support/cli.ts';
import { FakeWechat } from '../support/fake-wechat.ts';
import { postgresReachable, postgresUrl, redisReachable, redisUrl } from '../support/services.ts';
import { freePort } from '../support/tcp-fault.ts';

/** A configuration that does not parse: help must not read it. */
const broken = { PORT: 'eighty' };

// Each test spawns tripcare, a few processes at most at once: on a busy machine many at once starve together.
describe('the command line', { timeout: 30_000 }, () => {
  it('prints the usage and exits 0 as --help, -h, help and with no configuration read', async () => {
    const runs = await Promise.all([['--help'], ['-h'], ['help']].map((args) => run(args, '', broken)));
    for (const { code, stdout, stderr } of runs) {
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Usage: tripcare <command>/);
      expect(stdout).toContain('doctor');
      expect(stderr).toBe('');
    }
  });

  it('prints each command its own usage with --help, -h or help COMMAND', async () => {
    // One of each kind: a server, options, an argument, a subcommand with lists read from code, doctor.
    const commands = ['start', 'chat', 'eval', 'ledger', 'import'];
    const runs = await Promise.all([
      ...commands.map(async (c) => ({ c, ...(await run([c, '--help'], '', broken)) })),
      run(['doctor', '-h'], '', broken).then((r) => ({ c: 'doctor', ...r })),
      run(['help', 'staff'], '', broken).then((r) => ({ c: 'staff', ...r })),
    ]);
    for (const { c, code, stdout } of runs) {
      expect(code, c).toBe(0);
      expect(stdout, c).toMatch(new RegExp(`^Usage: tripcare ${c}\\b`));
      expect(stdout, c).toContain('-h, --help');
    }
    const doctor = runs.find((r) => r.c === 'doctor')?.stdout;
    expect(doctor).toContain('--role ROLE');
  });

  it('refuses an unknown option, command or argument with a clear line and the usage, exit 2', async () => {
    const [option, command, argument, value, first] = await Promise.all([
      run(['chat', '--jsn'], '', broken),
      run(['frobnicate'], '', broken),
      run(['classify', 'extra'], '', broken),
      run(['doctor', '--role', 'queen'], '', broken),
      run(['--bogus'], '', broken),
    ]);
    expect(option).toMatchObject({ code: 2, stdout: '' });
    expect(option.stderr).toMatch(/^tripcare chat: unknown option --jsn\n\nUsage: tripcare chat \[--json\]/);
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/^tripcare: unknown command "frobnicate"/);
    expect(command.stderr).toContain('Usage: tripcare <command>');
    expect(argument.code).toBe(2);
    expect(argument.stderr).toMatch(/^tripcare classify: unexpected argument extra\n\nUsage: tripcare classify/);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('--role takes start, web or worker, not "queen"');
    expect(first.code).toBe(2);
    expect(first.stderr).toMatch(/^tripcare start: unknown option --bogus/);
  });

  it('tripcare chat writes its logs to DATA_DIR/tripcare.log, not among the conversation, and says so', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tripcare-chatlog-'));
    try {
      const { code, stdout, stderr } = await run(['chat'], 'The hotel room was dirty\n', { DATA_DIR: dataDir, LOG_LEVEL: 'debug', BURST_WINDOW_MS: '0' });
      const file = join(dataDir, 'tripcare.log');
      expect(code).toBe(0);
      expect(stdout.split('\n')[0]).toBe(`tripcare: logs go to ${file}`);
      expect(stderr).toBe('');
      await expect(readFile(file, 'utf8')).resolves.toBeTypeOf('string');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

const services = (await redisReachable()) && (await postgresReachable());

/** Doctor's lines, by what each checked. */
const lines = (stdout: string) => new Map(stdout.trim().split('\n').slice(0, -1).map((l) => [l.slice(6, 28).trim(), l] as const));

describe.runIf(services)('tripcare doctor', { timeout: 30_000 }, () => {
  it('says ok or skip for every check against the local services, exit 0', async () => {
    const { code, stdout } = await run(['doctor'], '', { DATABASE_URL: postgresUrl, REDIS_URL: redisUrl });
    expect(code, stdout).toBe(0);
    const found = lines(stdout);
    expect([...found.keys()]).toEqual(['configuration', 'PostgreSQL', 'migrations', 'Redis', 'channel wechat', 'channel telegram', 'channel webchat', 'policy file', 'teams file']);
    for (const line of found.values()) expect(line).toMatch(/^(ok {2}|skip) {2}/);
    expect(found.get('PostgreSQL')).toMatch(/^ok {4}PostgreSQL +answers at 127\.0\.0\.1:5432$/);
    expect(found.get('Redis')).toMatch(/^ok {4}Redis +answers at 127\.0\.0\.1:6379$/);
    expect(found.get('channel telegram')).toContain('skip');
    expect(stdout.trim().split('\n').at(-1)).toBe('tripcare doctor: nothing failed.');
  });

  it('fails Redis on a closed port with a fix naming REDIS_URL, exit 1', async () => {
    const port = await freePort();
    const started = Date.now();
    const { code, stdout } = await run(['doctor'], '', { DATABASE_URL: postgresUrl, REDIS_URL: `redis://:redis-pw-77@127.0.0.1:${port}`, REDIS_CONNECT_TIMEOUT_MS: '1000' });
    expect(code).toBe(1);
    const redis = lines(stdout).get('Redis');
    expect(redis).toMatch(new RegExp(`^fail  Redis +Redis at 127\\.0\\.0\\.1:${port} .*ECONNREFUSED.* — fix: REDIS_URL`));
    expect(stdout).not.toContain('redis-pw-77');
    expect(lines(stdout).get('PostgreSQL')).toMatch(/^ok/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('fails the configuration and skips the rest when it does not parse', async () => {
    const { code, stdout } = await run(['doctor', '--role', 'web'], '', { PORT: 'eighty', TIME_ZONE: 'Mars/Olympus' });
    expect(code).toBe(1);
    const found = lines(stdout);
    expect(found.get('configuration')).toMatch(/^fail {2}configuration +PORT: .*; TIME_ZONE: .* — fix: /);
    expect([...found.values()].slice(1).every((l) => l.startsWith('skip'))).toBe(true);
  });
});

describe('tripcare doctor on the channels', { timeout: 30_000 }, () => {
  let telegram: Server;
  let telegramRoot: string;
  const wechat = new FakeWechat({ appId: 'wx-doctor', appSecret: 'right-secret', token: 'doctortoken', now: () => new Date() });
  let wechatBase: string;
  const token = '123456:DOCTORtokenABCDEFGHIJKLMNOP';

  beforeAll(async () => {
    // The Bot API's getMe: a bot for the right token, 401 for any other.
    telegram = createServer((req, res) => {
      const ok = req.url === `/bot${token}/getMe`;
      const body = ok ? { ok: true, result: { id: 123456, is_bot: true, first_name: 'Care', username: 'care_desk_bot' } } : { ok: false, error_code: 401, description: 'Unauthorized' };
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => telegram.listen(0, '127.0.0.1', resolve));
    telegramRoot = `http://127.0.0.1:${(telegram.address() as AddressInfo).port}`;
    wechatBase = await wechat.listen();
  });
  afterAll(async () => {
    await new Promise((resolve) => telegram.close(resolve));
    await wechat.close();
  });

  const env = (secret: string, botToken: string) => ({
    DATA_DIR: join(tmpdir(), 'tripcare-doctor-none'), // no database there: reported, not created
    TELEGRAM_BOT_TOKEN: botToken, TELEGRAM_API_ROOT: telegramRoot,
    WECHAT_PUPPET: 'official-account', WECHAT_OA_APP_ID: 'wx-doctor', WECHAT_OA_APP_SECRET: secret, WECHAT_OA_TOKEN: 'doctortoken', WECHAT_OA_API_BASE: wechatBase,
  });

  it('signs in to WeChat (an access token) and Telegram (getMe), and names the variables when they refuse', async () => {
    const [good, bad] = await Promise.all([
      run(['doctor'], '', env('right-secret', token)),
      run(['doctor'], '', env('wrong-secret', '123456:WRONGtokenABCDEFGHIJKLMNOPQ')),
    ]);
    expect(good.code, good.stdout).toBe(0);
    expect(lines(good.stdout).get('channel wechat')).toMatch(/^ok {4}channel wechat +access token fetched for wx-doctor$/);
    expect(lines(good.stdout).get('channel telegram')).toMatch(/^ok {4}channel telegram +getMe: @care_desk_bot$/);
    expect(lines(good.stdout).get('PGlite (embedded)')).toMatch(/^ok .*no database yet/);
    expect(bad.code).toBe(1);
    expect(lines(bad.stdout).get('channel wechat')).toMatch(/^fail .*errcode 40125.* — fix: WECHAT_OA_APP_ID and WECHAT_OA_APP_SECRET/);
    expect(lines(bad.stdout).get('channel telegram')).toMatch(/^fail .*401 Unauthorized.* — fix: TELEGRAM_BOT_TOKEN/);
    expect(bad.stdout).not.toContain('wrong-secret');
  });
});

describe.runIf(services)('a wrong DATABASE_URL or REDIS_URL', { timeout: 30_000 }, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tripcare-wrong-url-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  /** `tripcare start` with `env`: how it ended and how long it took. */
  const start = async (env: Record<string, string>) => {
    const started = Date.now();
    const result = await run(['start'], '', { DATA_DIR: dataDir, PORT: String(await freePort()), ...env });
    return { ...result, ms: Date.now() - started, last: result.stderr.trim().split('\n').at(-1) ?? '' };
  };
  const { hostname, port } = new URL(postgresUrl);
  const at = `${hostname}:${port || 5432}`;
  const withPassword = (url: URL) => {
    url.password = 'pg-secret-42';
    return url.href;
  };

  it('ends start-up with 78 within 5 s, one line naming DATABASE_URL and the address: a closed port', async () => {
    const closed = await freePort();
    const url = new URL(postgresUrl);
    url.port = String(closed);
    const end = await start({ DATABASE_URL: withPassword(url) });
    expect(end.code, end.stderr).toBe(78);
    expect(end.ms).toBeLessThan(5_000);
    expect(end.last).toBe(`DATABASE_URL: PostgreSQL at ${hostname}:${closed} failed (ECONNREFUSED): nothing listens at that port`);
    expect(end.stderr).not.toContain('pg-secret-42');
  });

  it('… an unknown database', async () => {
    const url = new URL(postgresUrl);
    url.pathname = '/tripcare_no_such_database';
    const end = await start({ DATABASE_URL: withPassword(url) });
    expect(end.code, end.stderr).toBe(78);
    expect(end.ms).toBeLessThan(5_000);
    expect(end.last).toBe(`DATABASE_URL: PostgreSQL at ${at} failed (3D000): no such database`);
    expect(end.stderr).not.toContain('pg-secret-42');
  });

  it('… an unknown role', async () => {
    const url = new URL(postgresUrl);
    url.username = 'tripcare_no_such_role';
    const end = await start({ DATABASE_URL: withPassword(url) });
    expect(end.code, end.stderr).toBe(78);
    expect(end.ms).toBeLessThan(5_000);
    // 28000 with trust authentication; 28P01 where a password is asked for.
    expect(end.last).toMatch(new RegExp(`^DATABASE_URL: PostgreSQL at ${at.replace(/\./g, '\\.')} failed \\((28000|28P01)\\): `));
    expect(end.stderr).not.toContain('pg-secret-42');
  });

  it('ends start-up with 78 naming REDIS_URL and the address when nothing listens for Redis', async () => {
    const closed = await freePort();
    const end = await start({ DATABASE_URL: postgresUrl, REDIS_URL: `redis://127.0.0.1:${closed}`, REDIS_CONNECT_TIMEOUT_MS: '1000' });
    expect(end.code, end.stderr).toBe(78);
    expect(end.last).toMatch(new RegExp(`^REDIS_URL: Redis at 127\\.0\\.0\\.1:${closed} (failed|did not answer within 1000 ms) \\(ECONNREFUSED\\): nothing listens at that port$`));
  });
});
