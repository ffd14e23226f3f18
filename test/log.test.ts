import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpServer, sendJson } from '../src/http/server.ts';
import { createLogger, errorCode, errorFields } from '../src/log.ts';
import type { LogFields, LogLevel } from '../src/log.ts';
import { requestIdFrom } from '../src/request-context.ts';
import { freePort } from './support/tcp-fault.ts';

const capture = (level: LogLevel = 'debug') => {
  const lines: string[] = [];
  const log = createLogger(level, { destination: (l) => void lines.push(l) });
  const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { log, lines, parsed };
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('log lines', () => {
  it('are one JSON object a line: the level as a label, ISO time, the event, the fields; below the level nothing', () => {
    const { log, lines, parsed } = capture('info');
    log.debug('not.shown', { n: 1 });
    log.info('case.opened', { case: 'c-1', count: 2, ok: true, none: null, event: 'clobbered' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\n$/);
    expect(parsed()[0]).toEqual({ level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), event: 'case.opened', case: 'c-1', count: 2, ok: true, none: null });
  });

  it('censor keys that could carry personal data or secrets, at the top and one level down', () => {
    const { log, lines, parsed } = capture();
    const risky = {
      text: 'my passport E12345678', message: 'hello', body: '{"a":1}', password: 'hunter2', token: 'tok-123', secret: 's3cret',
      authorization: 'Bearer abc', cookie: 'sid=xyz', phone: '+8613800000000', email: 'mei@example.com', name: 'Mei Lin',
      traveller: { email: 'nested@example.com', phone: '+8613900000000', id: 'kept' },
      case: 'c-9',
    } as unknown as LogFields; // nesting is outside LogFields: a caller that forces it anyway
    log.warn('careless', risky);
    const line = parsed()[0]!;
    for (const key of ['text', 'message', 'body', 'password', 'token', 'secret', 'authorization', 'cookie', 'phone', 'email', 'name']) expect(line[key], key).toBe('[redacted]');
    expect(line.traveller).toEqual({ email: '[redacted]', phone: '[redacted]', id: 'kept' });
    expect(line.case).toBe('c-9');
    expect(lines.join('')).not.toMatch(/E12345678|hunter2|tok-123|s3cret|Bearer|sid=|8613800000000|8613900000000|example\.com|Mei Lin/);
  });

  it('pretty: human-readable lines with the event as the message, still redacted', () => {
    const lines: string[] = [];
    createLogger('info', { pretty: true, destination: (l) => void lines.push(l) }).info('case.opened', { case: 'c-1', token: 'tok-123' });
    const text = lines.join('');
    expect(text).toMatch(/INFO.*: case\.opened/);
    expect(text).toContain('case: "c-1"');
    expect(text).not.toContain('tok-123');
    expect(() => JSON.parse(text)).toThrow();
  });

  it('file: appends JSON lines to the file, making its directory, and writes nothing to stderr', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tripcare-log-'));
    try {
      const file = join(dir, 'made', 'tripcare.log');
      const logModule = fileURLToPath(new URL('../src/log.ts', import.meta.url));
      const script = `
        import { createLogger } from ${JSON.stringify(logModule)};
        const log = createLogger('info', { file: ${JSON.stringify(file)} });
        log.info('chat.started', { n: 1 });
        log.error('chat.failed', { n: 2 });
        createLogger('info', { file: ${JSON.stringify(file)} }).warn('again', { n: 3 });
        process.exit(0);`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toBe('');
      const written = (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(written).toMatchObject([{ level: 'info', event: 'chat.started', n: 1 }, { level: 'error', event: 'chat.failed', n: 2 }, { level: 'warn', event: 'again', n: 3 }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('file: appends to what the file already holds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tripcare-log-'));
    try {
      const file = join(dir, 'tripcare.log');
      await writeFile(file, '{"event":"earlier"}\n');
      createLogger('info', { file }).info('later');
      expect((await readFile(file, 'utf8')).trim().split('\n').map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(['earlier', 'later']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('errorFields', () => {
  it("keeps an I/O error's name, first frame, code, errno, syscall, address and port, never its message", async () => {
    const port = await freePort(); // nothing listens there
    const refused = await new Promise<Error>((resolve) => connect(port, '127.0.0.1').once('error', resolve));
    const fields = errorFields(refused);
    expect(fields).toMatchObject({ error: 'Error', code: 'ECONNREFUSED', errno: expect.any(Number), syscall: 'connect', address: '127.0.0.1', port });
    expect(fields.at).toMatch(/^at /);
    expect(JSON.stringify(fields)).not.toContain('connect ECONNREFUSED');
  });

  it('keeps a pg-style code (a SQLSTATE), and no I/O keys an error does not have', () => {
    const pg = Object.assign(new Error('password authentication failed for user "mei"'), { code: '28P01', severity: 'FATAL' });
    const fields = errorFields(pg);
    expect(Object.keys(fields).sort()).toEqual(['at', 'code', 'error']);
    expect(fields.code).toBe('28P01');
    expect(JSON.stringify(fields)).not.toContain('mei');
    expect(errorFields(new TypeError('x'))).toEqual({ error: 'TypeError', at: expect.stringMatching(/^at /) });
    expect(errorFields('thrown text')).toEqual({ error: 'string', at: null });
  });

  it('never takes a line of a message that spans lines for the frame', () => {
    const e = new Error('first line\n    at the traveller typed this\nthird');
    const fields = errorFields(e);
    expect(fields.at).toMatch(/log\.test\.ts/);
    expect(JSON.stringify(fields)).not.toContain('traveller');
  });

  it("takes the I/O fields from the cause when a wrapper has none, and errorCode follows the same rule", () => {
    const cause = Object.assign(new Error('connect ETIMEDOUT 10.0.0.7:5432'), { code: 'ETIMEDOUT', address: '10.0.0.7', port: 5432 });
    const wrapped = new Error('PostgreSQL at 10.0.0.7:5432 failed (ETIMEDOUT)', { cause });
    expect(errorFields(wrapped)).toMatchObject({ error: 'Error', code: 'ETIMEDOUT', address: '10.0.0.7', port: 5432 });
    expect(errorCode(wrapped)).toBe('ETIMEDOUT');
    expect(errorCode(new Error('plain'))).toBeNull();
    expect(errorCode(Object.assign(new Error('empty'), { code: '' }))).toBeNull();
  });
});

describe('HTTP requests in the logs', () => {
  const servers: HttpServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  const start = async (level: LogLevel = 'debug') => {
    const { log, lines, parsed } = capture(level);
    const http = new HttpServer(log);
    servers.push(http);
    http
      .route('GET', '/slow', async (_req, res) => {
        log.info('handler.before');
        await sleep(20);
        await Promise.resolve().then(() => log.info('handler.after')); // deeper in the same chain, as an engine turn would be
        sendJson(res, 200, { ok: true });
      })
      .route('GET', '/items/*', (_req, res) => sendJson(res, 200, { ok: true }))
      .route('GET', '/boom', async () => {
        await sleep(1);
        throw new Error('boom with a traveller’s words');
      })
      .route('POST', '/refused', (_req, res) => sendJson(res, 403, { error: 'no' }));
    const port = await http.listen(0, '127.0.0.1');
    const url = (path: string) => `http://127.0.0.1:${port}${path}`;
    /** The lines of the request with this id, once its access line is out. */
    const linesOf = async (requestId: string) => {
      await vi.waitFor(() => expect(parsed().some((l) => l.event === 'http.request' && l.requestId === requestId)).toBe(true), { timeout: 2_000 });
      return parsed().filter((l) => l.requestId === requestId);
    };
    return { url, lines, parsed, linesOf };
  };

  it('gives each request an id, echoed in x-request-id and carried by every line written while it is handled, after awaits too', async () => {
    const { url, parsed, linesOf } = await start();
    // Two at once: each line must carry its own request's id, not the other's.
    const [a, b] = await Promise.all([fetch(url('/slow')), fetch(url('/slow'))]);
    const ids = [a!.headers.get('x-request-id')!, b!.headers.get('x-request-id')!];
    expect(ids[0]).toMatch(uuid);
    expect(ids[1]).toMatch(uuid);
    expect(ids[0]).not.toBe(ids[1]);
    for (const id of ids) expect((await linesOf(id)).map((l) => l.event)).toEqual(['handler.before', 'handler.after', 'http.request']);
    expect(parsed().filter((l) => l.event !== undefined && l.requestId === undefined)).toEqual([]);
  });

  it('keeps a well-formed incoming x-request-id, and replaces a malformed one', async () => {
    const { url, linesOf } = await start();
    const kept = await fetch(url('/items/1'), { headers: { 'x-request-id': 'edge-42.a_B' } });
    expect(kept.headers.get('x-request-id')).toBe('edge-42.a_B');
    expect(await linesOf('edge-42.a_B')).toHaveLength(1);
    for (const bad of ['has space', 'a'.repeat(65), 'semi;colon', 'é', '{"json":1}']) {
      const answer = await fetch(url('/items/1'), { headers: { 'x-request-id': bad } });
      const id = answer.headers.get('x-request-id')!;
      expect(id, bad).toMatch(uuid);
      expect(await linesOf(id)).toHaveLength(1);
    }
    expect(requestIdFrom('a'.repeat(64))).toBe('a'.repeat(64));
    expect(requestIdFrom(['one', 'two'])).toMatch(uuid);
    expect(requestIdFrom('')).toMatch(uuid);
  });

  it('logs http.request with method, route pattern, status and ms: debug when it succeeded, info when not; never the URL', async () => {
    const { url, lines, linesOf } = await start();
    const access = async (answer: Response) => (await linesOf(answer.headers.get('x-request-id')!)).find((l) => l.event === 'http.request');
    expect(await access(await fetch(url('/items/42?token=abc123&email=mei@example.com')))).toEqual({
      level: 'debug', time: expect.any(String), requestId: expect.any(String), event: 'http.request', method: 'GET', route: '/items/*', status: 200, ms: expect.any(Number),
    });
    expect(await access(await fetch(url('/refused'), { method: 'POST' }))).toMatchObject({ level: 'info', method: 'POST', route: '/refused', status: 403 });
    expect(await access(await fetch(url('/refused')))).toMatchObject({ level: 'info', method: 'GET', route: '/refused', status: 405 });
    expect(await access(await fetch(url('/nowhere/secret-path?q=1')))).toMatchObject({ level: 'info', route: null, status: 404 });
    const failed = await fetch(url('/boom'));
    expect(failed.status).toBe(500);
    const failedLines = await linesOf(failed.headers.get('x-request-id')!);
    expect(failedLines.map((l) => [l.event, l.level])).toEqual([['http.failed', 'error'], ['http.request', 'info']]);
    expect(failedLines[1]).toMatchObject({ route: '/boom', status: 500 });
    expect(lines.join('')).not.toMatch(/abc123|example\.com|\/items\/42|secret-path|q=1|traveller/);
  });

  it('at info, leaves out the access lines of requests that succeeded', async () => {
    const { url, parsed } = await start('info');
    const ok = await fetch(url('/items/1'));
    const refused = await fetch(url('/refused'), { method: 'POST' });
    await vi.waitFor(() => expect(parsed().filter((l) => l.event === 'http.request')).toHaveLength(1), { timeout: 2_000 });
    await sleep(50); // time enough for a second line, were there one
    expect(parsed().filter((l) => l.event === 'http.request')).toEqual([expect.objectContaining({ requestId: refused.headers.get('x-request-id'), status: 403 })]);
    expect(ok.status).toBe(200);
  });
});
