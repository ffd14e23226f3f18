import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { tripcare } from '../support/cli.ts';
import { dropTestData, postgresReachable, postgresUrl, redisReachable, redisUrl, uniqueName } from '../support/services.ts';
import { freePort, TcpFault } from '../support/tcp-fault.ts';

const ready = (await redisReachable()) && (await postgresReachable());

/** How a spawned process ended: when (Date.now()), or killed as hung after waiting `withinMs`. */
interface Ending {
  code: number | null;
  hung: boolean;
  at: number;
  stderr: string;
}

/** Starts `tripcare <role>` in a fresh DATA_DIR; `ended(withinMs)` waits for its exit from the moment it is called. */
async function spawnTripcare(role: string, env: Record<string, string>) {
  const dataDir = await mkdtemp(join(tmpdir(), 'tripcare-fault-'));
  const child = tripcare([role], { PORT: String(await freePort()), DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const started = () => new Promise<void>((resolve, reject) => {
    child.stderr.on('data', () => stderr.includes('"started"') && resolve());
    void exited.then(() => reject(new Error(`exited before it started: ${stderr}`)));
  });
  const ended = async (withinMs: number): Promise<Ending> => {
    const hung = await Promise.race([exited.then(() => false), sleep(withinMs).then(() => true)]);
    const at = Date.now();
    if (hung) child.kill('SIGKILL');
    const code = await exited;
    await rm(dataDir, { recursive: true, force: true });
    return { code: hung ? null : code, hung, at, stderr };
  };
  return { child, started, ended };
}

describe.runIf(ready)('start-up and shutdown with a service that hangs or is away', () => {
  const prefix = uniqueName('tripcare-stop');
  const schema = uniqueName('tripcare_stop');
  // A real PostgreSQL when Redis is under test: PGlite's start-up is slow on a busy machine.
  const database = { DATABASE_URL: postgresUrl, DATABASE_SCHEMA: schema };
  const faults: TcpFault[] = [];
  const fault = async (open: Promise<TcpFault>) => {
    faults.push(await open);
    return faults.at(-1)!;
  };
  afterEach(async () => {
    await Promise.all(faults.splice(0).map((f) => f.close()));
  });
  afterAll(async () => {
    await dropTestData(prefix, schema);
  });

  it('start-up fails within PG_CONNECT_TIMEOUT_MS (default 5 s) when PostgreSQL accepts connections and never answers, naming DATABASE_URL and the address', async () => {
    const hole = await fault(TcpFault.blackHole());
    const { ended } = await spawnTripcare('start', { DATABASE_URL: `postgres://tripcare:pg-secret-42@127.0.0.1:${hole.port}/tripcare` });
    const end = await ended(20_000);
    expect(end.hung, end.stderr).toBe(false);
    expect(end.code).not.toBe(0);
    expect(end.at - (await hole.reached)).toBeLessThan(5_000 + 1_500);
    expect(end.stderr).toContain(`DATABASE_URL: PostgreSQL at 127.0.0.1:${hole.port} did not answer within 5000 ms`);
    expect(end.stderr).not.toContain('pg-secret-42');
  }, 25_000);

  it('start-up fails within REDIS_CONNECT_TIMEOUT_MS when Redis accepts connections and never answers, naming REDIS_URL and the address', async () => {
    const hole = await fault(TcpFault.blackHole());
    const { ended } = await spawnTripcare('start', { ...database, REDIS_URL: `redis://:redis-secret-42@127.0.0.1:${hole.port}`, REDIS_CONNECT_TIMEOUT_MS: '2000' });
    const end = await ended(20_000);
    expect(end.hung, end.stderr).toBe(false);
    expect(end.code).not.toBe(0);
    expect(end.at - (await hole.reached)).toBeLessThan(2_000 + 1_500);
    expect(end.stderr).toContain(`REDIS_URL: Redis at 127.0.0.1:${hole.port} did not answer within 2000 ms`);
    expect(end.stderr).not.toContain('redis-secret-42');
  }, 25_000);

  it('start-up of web fails when nothing listens for Redis, with one redis.error line carrying the code and the address', async () => {
    const port = await freePort();
    const { ended } = await spawnTripcare('web', { ...database, REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_CONNECT_TIMEOUT_MS: '3000', LOG_LEVEL: 'warn' });
    const end = await ended(20_000);
    expect(end.hung, end.stderr).toBe(false);
    expect(end.code).not.toBe(0);
    expect(end.stderr).toContain(`REDIS_URL: Redis at 127.0.0.1:${port} did not answer within 3000 ms (ECONNREFUSED)`);
    const errors = end.stderr.split('\n').filter((l) => l.includes('"redis.error"')).map((l) => JSON.parse(l) as Record<string, unknown>);
    // Every reconnection failed; the ones after the first are left for the next line, 30 s on.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'ECONNREFUSED', address: `127.0.0.1:${port}` });
  }, 25_000);

  it('SIGTERM ends start within SHUTDOWN_TIMEOUT_MS when Redis stops answering after start-up', async () => {
    const cut = await fault(TcpFault.in(redisUrl));
    const { child, started, ended } = await spawnTripcare('start', {
      ...database, REDIS_URL: cut.url(redisUrl), REDIS_PREFIX: prefix, SHUTDOWN_TIMEOUT_MS: '3000', REDIS_CONNECT_TIMEOUT_MS: '1000',
    });
    await started();
    cut.freeze();
    await sleep(1_500); // the workers' and the journal's commands now wait on a Redis that says nothing
    const signalled = Date.now();
    child.kill('SIGTERM');
    const end = await ended(15_000);
    expect(end.hung, end.stderr).toBe(false);
    expect(end.at - signalled).toBeLessThan(3_000 + 1_500);
    expect(end.stderr).toContain('"stopping"');
  }, 28_000);

  // Not cut off by SHUTDOWN_TIMEOUT_MS: each connection to a silent service is given up after a short grace, all at once.
  const silent = [
    { service: 'Redis', url: redisUrl, env: (url: string) => ({ ...database, REDIS_URL: url, REDIS_PREFIX: prefix }) },
    { service: 'PostgreSQL', url: postgresUrl, env: (url: string) => ({ DATABASE_URL: url, DATABASE_SCHEMA: schema }) },
  ];
  it.each(silent)('SIGTERM stops start cleanly within 3 s when $service stops answering after start-up', async ({ url, env }) => {
    const cut = await fault(TcpFault.in(url));
    const { child, started, ended } = await spawnTripcare('start', env(cut.url(url)));
    await started();
    cut.freeze();
    await sleep(1_500);
    const signalled = Date.now();
    child.kill('SIGTERM');
    const end = await ended(15_000);
    expect(end.hung, end.stderr).toBe(false);
    expect(end.stderr).not.toContain('stop.timed_out');
    expect(end.code, end.stderr).toBe(0);
    expect(end.at - signalled).toBeLessThan(3_000);
  }, 40_000);
});
