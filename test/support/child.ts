import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type ChildMessage = { type: string } & Record<string, unknown>;

/** A Node child running one of `test/stores/children/*.ts`, talked to over IPC. */
export class Child {
  readonly process: ChildProcess;
  readonly #inbox: ChildMessage[] = [];
  readonly #waiting: { type: string; resolve: (m: ChildMessage) => void }[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr = '';

  constructor(script: string, args: string[] = [], env: Record<string, string> = {}) {
    // The same Node as the tests, without vitest's flags; type stripping runs the .ts directly.
    this.process = fork(fileURLToPath(new URL(`../stores/children/${script}`, import.meta.url)), args, {
      execPath: process.execPath, execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, NODE_NO_WARNINGS: '1', ...env },
    });
    this.process.stderr?.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.process.on('message', (m: ChildMessage) => {
      const i = this.#waiting.findIndex((w) => w.type === m.type);
      if (i >= 0) this.#waiting.splice(i, 1)[0]!.resolve(m);
      else this.#inbox.push(m);
    });
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve({ code, signal })));
  }

  /** The next message of `type` (one that came already, or the next to come). */
  next(type: string, timeoutMs = 15_000): Promise<ChildMessage> {
    const i = this.#inbox.findIndex((m) => m.type === type);
    if (i >= 0) return Promise.resolve(this.#inbox.splice(i, 1)[0]!);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no '${type}' from child within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.#waiting.push({ type, resolve: (m) => { clearTimeout(timer); resolve(m); } });
    });
  }

  send(message: ChildMessage): void {
    this.process.send(message);
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill(signal);
    await this.exited;
  }
}
