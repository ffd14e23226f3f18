import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const mainScript = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** Starts `tripcare <args>` on the Node running the tests. */
export function tripcare(args: string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [mainScript, ...args], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
  });
}

/** Runs `tripcare <args>` with `input` on stdin to the end. */
export function run(args: string[], input = '', env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = tripcare(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

export const jsonLines = (text: string): Record<string, unknown>[] =>
  text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
