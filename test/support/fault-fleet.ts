import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { tripcare } from './cli.ts';
import { freePort } from './tcp-fault.ts';

export type Role = 'web' | 'worker';

/** How a process ended. */
export interface Ending {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

/** A log line at warn or above, kept as evidence (they carry ids and codes, never message text). */
export interface LoggedProblem {
  process: string;
  at: string;
  event: string;
  line: string;
}

/** One run of `tripcare web|worker` in a slot; a slot keeps its port across restarts. */
export class TripcareProcess {
  readonly role: Role;
  readonly slot: number;
  readonly name: string;
  readonly port: number;
  readonly child: ChildProcessWithoutNullStreams;
  readonly spawnedAt = Date.now();
  readyAt: number | null = null;
  ending: Ending | null = null;
  /** Set by whoever stops it on purpose (a kill, a SIGTERM): any other exit is unexpected. */
  stoppedOnPurpose = false;
  readonly exited: Promise<Ending>;
  /** The stderr lines of this run (kept for SIGTERM checks: `stopping`, `stop.timed_out`). */
  readonly lines: string[] = [];
  /** Whether it came to answer /healthz (set by the fleet). */
  readiness: Promise<boolean> = Promise.resolve(false);

  constructor(role: Role, slot: number, port: number, env: Record<string, string>, log: WriteStream, onLine: (p: TripcareProcess, line: string) => void) {
    this.role = role;
    this.slot = slot;
    this.port = port;
    this.name = `${role}-${slot}`;
    this.child = tripcare([role], { ...env, PORT: String(port) });
    log.write(`--- ${new Date().toISOString()} ${this.name} spawned, pid ${this.child.pid}\n`);
    let partial = '';
    this.child.stderr.on('data', (d: Buffer) => {
      log.write(d);
      const text = partial + d.toString();
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        if (this.lines.length < 5_000) this.lines.push(line);
        onLine(this, line);
      }
    });
    this.child.stdout.on('data', (d: Buffer) => log.write(d));
    this.exited = new Promise((resolve) => this.child.once('close', (code, signal) => {
      this.ending = { code, signal, at: Date.now() };
      log.write(`--- ${new Date().toISOString()} ${this.name} pid ${this.child.pid} ended: code ${code} signal ${signal}\n`);
      resolve(this.ending);
    }));
  }

  get alive(): boolean {
    return this.ending === null;
  }

  get ready(): boolean {
    return this.alive && this.readyAt !== null;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Sends `signal` (once alive) and resolves when the process has gone. */
  async stop(signal: NodeJS.Signals): Promise<Ending> {
    this.stoppedOnPurpose = true;
    if (this.alive) this.child.kill(signal);
    return this.exited;
  }
}

export interface FleetOptions {
  /** Environment of every process (REDIS_URL, DATABASE_URL, REDIS_PREFIX, …); PORT is the fleet's. */
  env: Record<string, string>;
  webs: number;
  workers: number;
  logDir: string;
  /** A start that takes longer than this is reported. */
  readyTimeoutMs?: number;
}

/**
 * The processes of a production deployment: `webs` × `tripcare web` and `workers` × `tripcare worker`,
 * each in a slot with its own port. Keeps the log of every run in `logDir/<role>-<slot>.log`, counts
 * the warn and error events they log, and notes every exit nobody asked for (then restarts the slot).
 */
export class Fleet {
  readonly slots: TripcareProcess[] = [];
  readonly unexpectedExits: (Ending & { process: string; uptimeMs: number })[] = [];
  readonly slowStarts: { process: string; ms: number }[] = [];
  /** Seconds from spawn to /healthz answering, for each start. */
  readonly startMs: number[] = [];
  /** Events at warn or above, counted by name. */
  readonly events = new Map<string, number>();
  readonly problems: LoggedProblem[] = [];
  readonly #options: Required<FleetOptions>;
  readonly #logs = new Map<string, WriteStream>();
  readonly #ports: number[] = [];
  #closing = false;

  constructor(options: FleetOptions) {
    this.#options = { readyTimeoutMs: 90_000, ...options };
  }

  get webs(): TripcareProcess[] {
    return this.slots.filter((p) => p.role === 'web');
  }

  get workers(): TripcareProcess[] {
    return this.slots.filter((p) => p.role === 'worker');
  }

  /** Starts every slot and waits until all answer /healthz. */
  async up(): Promise<void> {
    const roles: Role[] = [...Array.from({ length: this.#options.webs }, () => 'web' as const), ...Array.from({ length: this.#options.workers }, () => 'worker' as const)];
    for (const _ of roles) this.#ports.push(await freePort());
    roles.forEach((role, slot) => this.slots.push(this.#spawn(role, slot)));
    await Promise.all(this.slots.map((p) => this.untilReady(p)));
  }

  /** A web that answers (a load balancer's pick), else any web's address (the request then fails and is tried again). */
  pickWeb(): string {
    const ready = this.webs.filter((p) => p.ready);
    const from = ready.length > 0 ? ready : this.webs;
    return from[Math.floor(Math.random() * from.length)]!.base;
  }

  /** Starts the slot's process again (its previous run must have ended); resolves once it runs, not once ready. */
  restart(slot: number): TripcareProcess {
    const previous = this.slots[slot]!;
    if (previous.alive) throw new Error(`${previous.name} is still running`);
    const next = this.#spawn(previous.role, slot);
    this.slots[slot] = next;
    return next;
  }

  /** Resolves once the process answers /healthz; false if it ended or took longer than the ready timeout. */
  untilReady(p: TripcareProcess): Promise<boolean> {
    return p.readiness;
  }

  async #watchReady(p: TripcareProcess): Promise<boolean> {
    const until = p.spawnedAt + this.#options.readyTimeoutMs;
    while (p.alive) {
      const ok = await fetch(`${p.base}/healthz`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
      if (ok && p.alive) {
        p.readyAt = Date.now();
        this.startMs.push(p.readyAt - p.spawnedAt);
        return true;
      }
      if (Date.now() > until) {
        this.slowStarts.push({ process: p.name, ms: Date.now() - p.spawnedAt });
        return false;
      }
      await sleep(100);
    }
    return false;
  }

  /** Waits until every slot's current process answers /healthz; fails after `timeoutMs`. */
  async allReady(timeoutMs = 180_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (Date.now() > until) throw new Error(`not every process answers /healthz after ${timeoutMs} ms: ${this.slots.filter((p) => !p.ready).map((p) => p.name).join(', ')}`);
      await Promise.all(this.slots.map((p) => p.readiness));
      if (this.slots.every((p) => p.ready)) return;
      await sleep(200);
    }
  }

  /** SIGKILLs every process and closes the logs. */
  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.slots.map((p) => p.stop('SIGKILL')));
    await Promise.all([...this.#logs.values()].map((log) => new Promise((resolve) => log.end(resolve))));
  }

  #spawn(role: Role, slot: number): TripcareProcess {
    const name = `${role}-${slot}`;
    let log = this.#logs.get(name);
    if (!log) {
      log = createWriteStream(join(this.#options.logDir, `${name}.log`), { flags: 'a' });
      this.#logs.set(name, log);
    }
    const p = new TripcareProcess(role, slot, this.#ports[slot]!, this.#options.env, log, (from, line) => this.#heard(from, line));
    void p.exited.then((ending) => {
      if (p.stoppedOnPurpose || this.#closing) return;
      this.unexpectedExits.push({ ...ending, process: p.name, uptimeMs: ending.at - p.spawnedAt });
      if (this.slots[slot] === p) this.restart(slot);
    });
    p.readiness = this.#watchReady(p);
    return p;
  }

  #heard(from: TripcareProcess, line: string): void {
    if (!line.startsWith('{')) return;
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    const level = entry.level;
    const serious = level === 'warn' || level === 'error' || level === 'fatal' || (typeof level === 'number' && level >= 40);
    if (!serious) return;
    const event = String(entry.event ?? entry.msg ?? 'unnamed');
    this.events.set(event, (this.events.get(event) ?? 0) + 1);
    if (this.problems.length < 400) this.problems.push({ process: from.name, at: String(entry.time ?? new Date().toISOString()), event, line: line.slice(0, 400) });
  }
}
