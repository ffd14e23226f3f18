/**
 * The production topology, for real but without Docker: what compose.yaml runs, on this machine.
 *
 *   node_modules/.bin/node bench/topology.ts
 *
 * Two `tripcare web` and one `tripcare worker` on free ports, on Redis and PostgreSQL (REDIS_URL and
 * DATABASE_URL, default the local ones, under a prefix and a schema of their own), and `caddy run` in
 * front with a Caddyfile that imports deploy/site.caddy, the very site compose's Caddy serves; only
 * the upstreams differ (two local ports instead of Docker's DNS for `web`). Then, through the proxy:
 * a staff member signs in and opens the console's live feed (server-sent events); a traveller opens a
 * web chat over Direct Line (a token from WEBCHAT_SECRET, the WebSocket stream), complains and asks
 * for a person; the bot's replies arrive, the case reaches the live feed and the queue. It checks that
 * both web processes served, that /metrics is not reachable through the proxy, that TRUST_PROXY=1
 * behind Caddy keys limits on the real client (a forged X-Forwarded-For changes nothing), and that
 * with one web process stopped the proxy sends everything to the other. SIGTERM ends every process;
 * the Redis keys and the schema are removed. Exit 1 if any check fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { WebSocket } from 'ws';

const root = fileURLToPath(new URL('..', import.meta.url));
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const run = `${process.pid}${randomBytes(3).toString('hex')}`;
const prefix = `tripcare-topology-${run}`;
const schema = `tripcare_topology_${run}`;
const webchatSecret = randomBytes(36).toString('base64url');
const upstreamHeader = 'x-tripcare-upstream';
/** Busy machines start slowly: each wait is generous, and ends as soon as its condition holds. */
const startupMs = 120_000;
const replyMs = 60_000;

const out = (line = '') => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Check { ok: boolean; what: string; detail?: string }
const checks: Check[] = [];
function check(ok: boolean, what: string, detail?: string): boolean {
  checks.push({ ok, what, ...(detail ? { detail } : {}) });
  out(`${ok ? 'ok   ' : 'FAIL '} ${what}${detail ? ` — ${detail}` : ''}`);
  return ok;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface Proc { name: string; child: ChildProcess; log: string; exited: Promise<number | null> }

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, dir: string, input?: string): Proc {
  const log = join(dir, `${name}.log`);
  const child = spawn(command, args, { cwd: root, env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  child.stdin?.end(input);
  const file = createWriteStream(log);
  child.stdout?.pipe(file, { end: false });
  child.stderr?.pipe(file, { end: false });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? null : 0))));
  return { name, child, log, exited };
}

async function tail(proc: Proc, lines = 15): Promise<string> {
  const text = await readFile(proc.log, 'utf8').catch(() => '');
  return text.trim().split('\n').slice(-lines).join('\n');
}

async function waitFor(what: string, ms: number, probe: () => Promise<boolean>, procs: Proc[] = []): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await probe().catch(() => false)) return;
    for (const p of procs) {
      if (p.child.exitCode !== null) throw new Error(`${p.name} exited (${p.child.exitCode}) while waiting for ${what}:\n${await tail(p)}`);
    }
    await sleep(250);
  }
  throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
}

/** A request with its path sent exactly as given (fetch would normalise `/./metrics`). */
function raw(port: number, method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; upstream?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      res.resume();
      res.once('end', () => resolve({ status: res.statusCode ?? 0, ...(typeof res.headers[upstreamHeader] === 'string' ? { upstream: res.headers[upstreamHeader] } : {}) }));
    });
    req.once('error', reject);
    req.end();
  });
}

async function main(): Promise<number> {
  const caddyVersion = spawnSync('caddy', ['version'], { encoding: 'utf8' });
  if (caddyVersion.status !== 0) {
    check(false, 'caddy is installed', 'apt-get install caddy (or run .ci/compose-check, which installs it)');
    return 1;
  }
  out(`caddy ${caddyVersion.stdout.trim().split(' ')[0] ?? ''}, node ${process.version}`);
  const dir = await mkdtemp(join(tmpdir(), 'tripcare-topology-'));
  const [webA, webB, workerPort, proxyPort] = [await freePort(), await freePort(), await freePort(), await freePort()] as [number, number, number, number];
  const proxy = `http://127.0.0.1:${proxyPort}`;
  const procs: Proc[] = [];
  const served = new Map<string, number>();
  const tally = (res: Response | { upstream?: string }) => {
    const upstream = res instanceof Response ? res.headers.get(upstreamHeader) : res.upstream;
    if (upstream) served.set(upstream, (served.get(upstream) ?? 0) + 1);
  };
  /** Through the proxy, counting which web process answered. */
  const via = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${proxy}${path}`, init);
    tally(res);
    return res;
  };

  try {
    // --- the processes, as compose starts them -------------------------------------------------------
    out(`tripcare topology: web :${webA} and :${webB}, worker :${workerPort}, caddy :${proxyPort}`);
    out(`Redis ${redisUrl} prefix ${prefix}; PostgreSQL ${databaseUrl} schema ${schema}`);
    // What compose.yaml gives web and worker; nothing else from this shell.
    const env = (port?: number): NodeJS.ProcessEnv => ({
      PATH: process.env.PATH, HOME: dir, NODE_ENV: 'production', LOG_LEVEL: 'info',
      REDIS_URL: redisUrl, REDIS_PREFIX: prefix, DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema,
      WEBCHAT_SECRET: webchatSecret, TRUST_PROXY: '1', ...(port ? { PORT: String(port) } : {}),
    });
    const tripcare = (name: string, role: string, port: number) => start(name, process.execPath, ['src/cli/main.ts', role], env(port), dir);
    procs.push(tripcare('web-a', 'web', webA), tripcare('web-b', 'web', webB), tripcare('worker', 'worker', workerPort));

    // deploy/site.caddy as compose's Caddy serves it; the upstreams are these two ports, and each
    // response names the web process that answered it (for this check only).
    const caddyfile = join(dir, 'Caddyfile');
    await writeFile(caddyfile, [
      '{', '\tadmin off', '\tauto_https off', '}', '',
      '(upstreams) {', `\tto 127.0.0.1:${webA} 127.0.0.1:${webB}`, `\theader_down X-Tripcare-Upstream {http.reverse_proxy.upstream.hostport}`, '}', '',
      `:${proxyPort} {`, '\tbind 127.0.0.1', `\timport ${join(root, 'deploy', 'site.caddy')}`, '}', '',
    ].join('\n'));
    const caddy = start('caddy', 'caddy', ['run', '--config', caddyfile, '--adapter', 'caddyfile'],
      { PATH: process.env.PATH, HOME: dir, XDG_DATA_HOME: join(dir, 'caddy-data'), XDG_CONFIG_HOME: join(dir, 'caddy-config') }, dir);
    procs.push(caddy);
    caddy.child.once('error', () => undefined); // it was found above; a spawn error shows as caddy never answering

    const started = Date.now();
    for (const port of [webA, webB, workerPort]) {
      await waitFor(`:${port}/readyz`, startupMs, async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, procs);
    }
    await waitFor('the proxy', startupMs, async () => (await fetch(`${proxy}/readyz`)).ok, procs);
    check(true, 'two web, one worker and caddy up, each ready (Redis and PostgreSQL answer)', `${((Date.now() - started) / 1000).toFixed(1)} s`);

    // --- staff: an account, a session and the live feed, through the proxy -----------------------------
    const password = randomBytes(18).toString('base64url');
    const added = start('staff-add', process.execPath, ['src/cli/main.ts', 'staff', 'add', '--username', 'topology', '--name', 'Topology Check', '--role', 'admin'], env(), dir, `${password}\n`);
    const addedCode = await added.exited;
    if (!check(addedCode === 0, 'a staff admin added (tripcare staff add, on the same database)', addedCode === 0 ? undefined : await tail(added))) return 1;
    const login = await via('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'topology', password }) });
    const cookie = /__Host-tc_session=[\w-]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    if (!check(login.status === 200 && cookie !== undefined, 'staff signs in through the proxy (session cookie)', `HTTP ${login.status}`)) return 1;

    const feed = new AbortController();
    const events: { event: string; data: string; at: number }[] = [];
    const stream = await via('/api/events', { headers: { cookie }, signal: feed.signal });
    check(stream.status === 200 && (stream.headers.get('content-type') ?? '').startsWith('text/event-stream'), 'the console live feed opens through the proxy (text/event-stream)', `HTTP ${stream.status}`);
    const reading = (async () => {
      const reader = stream.body?.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const chunk = await reader?.read().catch(() => undefined);
        if (!chunk || chunk.done) return;
        buffer += chunk.value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
          const event = field('event');
          if (event) events.push({ event, data: field('data') ?? '', at: Date.now() });
        }
      }
    })();

    // --- a traveller on web chat, through the proxy ---------------------------------------------------
    const generated = await via('/v3/directline/tokens/generate', { method: 'POST', headers: { authorization: `Bearer ${webchatSecret}`, 'content-type': 'application/json' }, body: JSON.stringify({ locale: 'en' }) });
    const { token } = (await generated.json()) as { token: string; conversationId: string };
    check(generated.status === 200 && typeof token === 'string', 'a Direct Line token from WEBCHAT_SECRET (tokens/generate)', `HTTP ${generated.status}`);
    const page = await via('/api/webchat/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    check(page.status === 200, 'the web chat page\'s own token route answers too', `HTTP ${page.status}`);

    const pages: string[] = [];
    for (const path of ['/chat?lang=en', '/chat/webchat.js', '/chat/embed.js', '/console']) pages.push(`${path} ${(await via(path)).status}`);
    check(pages.every((p) => p.endsWith(' 200')), 'the web chat page, Web Chat\'s bundle, the embed script and the console load through the proxy', pages.join(', '));

    const opened = await via('/v3/directline/conversations', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    const conversation = (await opened.json()) as { conversationId: string; token: string; streamUrl: string };
    check(opened.status === 201, 'the conversation starts with that token', `HTTP ${opened.status}`);
    // Round robin: two refreshes in a row land on both web processes; each must take the token the other signed.
    const issuer = opened.headers.get(upstreamHeader);
    const checkers = new Set<string>();
    let refreshed = true;
    for (let i = 0; i < 2; i++) {
      const res = await via('/v3/directline/tokens/refresh', { method: 'POST', headers: { authorization: `Bearer ${conversation.token}` } });
      refreshed &&= res.status === 200;
      checkers.add(res.headers.get(upstreamHeader) ?? '');
    }
    check(refreshed && checkers.size === 2, 'a token signed by one web process is taken by both (one WEBCHAT_SECRET)', `issued by ${issuer ?? '?'}, refreshed by ${[...checkers].join(' and ')}`);
    check(conversation.streamUrl.startsWith(`ws://127.0.0.1:${proxyPort}/`), 'its stream URL points at the proxy (Host passed through)', conversation.streamUrl.replace(/t=[^&]+/, 't=…'));

    const activities: { type: string; text?: string; from: { id: string; role?: string } }[] = [];
    const socket = new WebSocket(conversation.streamUrl);
    await new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject));
    check(true, 'the Direct Line WebSocket stream opens through the proxy');
    socket.on('message', (data: Buffer) => {
      const set = JSON.parse(data.toString()) as { activities?: typeof activities };
      activities.push(...(set.activities ?? []));
    });
    const botSaid = () => activities.filter((a) => a.type === 'message' && a.from.role === 'bot');

    const user = `traveller-${run}`;
    const say = async (text: string, n: number) => {
      const res = await via(`/v3/directline/conversations/${conversation.conversationId}/activities`, {
        method: 'POST', headers: { authorization: `Bearer ${conversation.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', from: { id: user }, text, locale: 'en', channelData: { clientActivityID: `${run}-${n}` } }),
      });
      return res.status;
    };

    const complained = await say('The hotel room on tour GZ-2611 was filthy and there was no hot water at all.', 1);
    check(complained === 200, 'the traveller\'s complaint is taken (journaled, echoed)', `HTTP ${complained}`);
    const sent = Date.now();
    await waitFor('the bot\'s reply on the stream', replyMs, async () => botSaid().length > 0).catch(() => undefined);
    check(botSaid().length > 0, 'the bot replies, on the WebSocket stream', botSaid()[0] ? `after ${((Date.now() - sent) / 1000).toFixed(1)} s: "${botSaid()[0]?.text?.slice(0, 70) ?? ''}"` : 'no reply');

    const before = botSaid().length;
    const handoffAt = Date.now();
    check((await say('I want to talk to a real person, please.', 2)) === 200, 'the traveller asks for a person');
    await waitFor('the handoff reply and the live feed event', replyMs, async () => botSaid().length > before && events.some((e) => e.event === 'desk' && e.at >= handoffAt)).catch(() => undefined);
    check(botSaid().length > before, 'the bot answers the request for a person', `"${botSaid()[before]?.text?.slice(0, 70) ?? ''}"`);
    const opening = events.find((e) => e.event === 'desk' && e.at >= handoffAt);
    check(opening !== undefined, 'the case reaches the staff console\'s live feed through the proxy (server-sent event, unbuffered)', opening ? `${opening.data} after ${((opening.at - handoffAt) / 1000).toFixed(1)} s` : `events: ${events.map((e) => e.event).join(', ') || 'none'}`);

    const polled = await via(`/v3/directline/conversations/${conversation.conversationId}/activities?watermark=0`, { headers: { authorization: `Bearer ${conversation.token}` } });
    const history = (await polled.json()) as { activities: typeof activities };
    check(history.activities.filter((a) => a.from.role === 'bot').length >= botSaid().length, 'polling (GET activities) sees the same replies', `${history.activities.length} activities`);
    const queue = await via('/api/queue', { headers: { cookie } });
    const items = ((await queue.json()) as { items?: unknown[] }).items ?? [];
    check(queue.status === 200 && items.length > 0, 'the case is in the staff queue', `${items.length} in the queue`);
    socket.close();

    // --- which process did what ------------------------------------------------------------------------
    for (let i = 0; i < 6; i++) tally(await raw(proxyPort, 'GET', '/healthz'));
    const a = served.get(`127.0.0.1:${webA}`) ?? 0;
    const b = served.get(`127.0.0.1:${webB}`) ?? 0;
    check(a > 0 && b > 0, 'both web processes served requests through the proxy (round robin)', `web-a ${a}, web-b ${b}`);
    const turns = async (port: number) => {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      return [...text.matchAll(/^tripcare_turns_total\{[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
    };
    const turnCounts = { 'web-a': await turns(webA), 'web-b': await turns(webB), worker: await turns(workerPort) };
    check(Object.values(turnCounts).reduce((x, y) => x + y, 0) >= 2, 'the turns were committed (tripcare_turns_total, read from each process directly)', Object.entries(turnCounts).map(([k, v]) => `${k} ${v}`).join(', '));

    // --- /metrics stays inside ---------------------------------------------------------------------------
    const direct = await raw(webA, 'GET', '/metrics');
    const probes = ['/metrics', '/METRICS', '/Metrics', '/metrics/', '/metrics?x=1', '/./metrics', '/x/../metrics', '/%6Detrics', '/%2e/metrics', '//metrics', '/metrics%2F', '/metrics;x'];
    const leaks: string[] = [];
    for (const path of probes) {
      const res = await raw(proxyPort, 'GET', path);
      if (res.status === 200) leaks.push(`${path} ${res.status}`);
    }
    check(direct.status === 200 && leaks.length === 0, '/metrics is not served through the proxy (though a web process serves it to the proxy\'s address)',
      leaks.length ? `served: ${leaks.join(', ')}` : `${probes.length} spellings refused; directly on web-a: HTTP ${direct.status}`);

    // --- a body over the proxy's limit: refused there, and it takes no web process out ------------------
    const huge = await via(`/v3/directline/conversations/${conversation.conversationId}/upload`, {
      method: 'POST', headers: { authorization: `Bearer ${conversation.token}`, 'content-type': 'multipart/form-data; boundary=x' }, body: new Uint8Array(11_000_000),
    }).catch(() => undefined);
    const afterHuge = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const res = await raw(proxyPort, 'GET', '/healthz');
      if (res.status === 200 && res.upstream) afterHuge.add(res.upstream);
    }
    check(huge !== undefined && huge.status >= 400 && afterHuge.size === 2, 'an 11 MB upload is refused (tripcare 413s on its length; Caddy caps bodies at 10 MB), and both web processes still serve', `HTTP ${huge?.status ?? 'reset'}, then ${afterHuge.size} web processes answering`);

    // --- TRUST_PROXY=1 behind Caddy: limits key on the client Caddy heard ---------------------------------
    // Five wrong passwords for one username from one address make that address wait. Each try
    // forges a different X-Forwarded-For: if any reached the app as the client, they would not add up.
    let sixth = 0;
    for (let i = 1; i <= 6; i++) {
      const res = await via('/api/session', {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` },
        body: JSON.stringify({ username: `probe-${run}`, password: 'not the password' }),
      });
      sixth = res.status;
    }
    check(sixth === 429, 'TRUST_PROXY=1: a forged X-Forwarded-For does not move the client\'s address (the 6th wrong password waits)', `6th try: HTTP ${sixth}`);

    // --- a web process goes away: the proxy sends everything to the other ---------------------------------
    const b1 = procs[1] as Proc;
    b1.child.kill('SIGTERM');
    const bCode = await b1.exited;
    check(bCode === 0, 'web-b stops cleanly on SIGTERM', `exit ${bCode}`);
    const after: number[] = [];
    const afterServed = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const res = await raw(proxyPort, 'GET', '/healthz');
      after.push(res.status);
      if (res.upstream) afterServed.add(res.upstream);
    }
    check(after.every((s) => s === 200) && [...afterServed].join() === `127.0.0.1:${webA}`, 'with web-b gone, every request is answered by web-a', after.join(' '));

    // --- SIGTERM the rest ---------------------------------------------------------------------------------
    feed.abort();
    await reading;
    for (const p of procs) if (p !== b1 && p.child.exitCode === null) p.child.kill('SIGTERM');
    const codes = await Promise.all(procs.filter((p) => p !== b1).map(async (p) => [p.name, await p.exited] as const));
    check(codes.every(([name, code]) => code === 0 || (name === 'caddy' && code === null)), 'SIGTERM: web-a, the worker and caddy stop', codes.map(([n, c]) => `${n} ${c}`).join(', '));
    return checks.every((c) => c.ok) ? 0 : 1;
  } catch (e) {
    check(false, 'the topology ran to the end', e instanceof Error ? e.message : String(e));
    for (const p of procs) out(`--- ${p.name} (last lines)\n${await tail(p, 8)}`);
    return 1;
  } finally {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
    await Promise.race([Promise.all(procs.map((p) => p.exited)), sleep(15_000)]);
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await cleanUp();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every key under the prefix, and the schema. */
async function cleanUp(): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  let keys = 0;
  try {
    await redis.connect();
    for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 1000 }) as AsyncIterable<string[]>) {
      if (batch.length) keys += await redis.unlink(...batch);
    }
  } finally {
    redis.disconnect();
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
  out(`cleaned up: ${keys} Redis keys under ${prefix}, schema ${schema} dropped`);
}

const code = await main();
const failed = checks.filter((c) => !c.ok);
out(`\n${checks.length - failed.length}/${checks.length} checks passed${failed.length ? `; failed: ${failed.map((c) => c.what).join('; ')}` : ''}`);
process.exit(code);
