import { hostname } from 'node:os';
import { join } from 'node:path';
import { readFile, stat, unlink, writeFile } from 'node:fs/promises';

interface Owner {
  pid: number;
  host: string;
  since: string;
}

/** A lock file being written right now is empty for a moment; one that stays unreadable this long is stale. */
const unreadableGraceMs = 10_000;

/**
 * Keeps a data directory to one process: a `tripcare.lock` file holding the owner's pid,
 * created with O_EXCL. A lock left by a process that died (its pid gone on this host) is
 * taken over; a live owner's is refused with a message that says who holds it.
 */
export class DataDirLock {
  readonly #path: string;
  readonly #content: string;

  private constructor(path: string, content: string) {
    this.#path = path;
    this.#content = content;
  }

  static async acquire(dir: string): Promise<DataDirLock> {
    const path = join(dir, 'tripcare.lock');
    const content = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() } satisfies Owner);
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        await writeFile(path, content, { flag: 'wx' });
        return new DataDirLock(path, content);
      } catch (e) {
        if (code(e) !== 'EEXIST') throw e;
      }
      const held = await readFile(path, 'utf8').catch(() => undefined);
      if (held === undefined) continue; // released meanwhile: try again
      const owner = parseOwner(held);
      if (owner ? isAlive(owner) : await isFresh(path)) throw new Error(inUse(dir, owner));
      await removeStale(path, held);
    }
    throw new Error(`could not take ${path}: other processes keep taking it`);
  }

  /** Removes the lock file, if it is still this lock's. */
  async release(): Promise<void> {
    const held = await readFile(this.#path, 'utf8').catch(() => undefined);
    if (held === this.#content) await unlink(this.#path).catch(() => undefined);
  }
}

/**
 * Removes a stale lock, if it is still the one judged stale. Only the holder of a second,
 * short-lived lock may do so: otherwise one taker could remove the fresh lock another just made.
 */
async function removeStale(path: string, stale: string): Promise<void> {
  const takeover = `${path}.takeover`;
  try {
    await writeFile(takeover, String(process.pid), { flag: 'wx' });
  } catch (e) {
    if (code(e) !== 'EEXIST') throw e;
    if (!(await isFresh(takeover))) await unlink(takeover).catch(() => undefined); // its taker died
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
    return;
  }
  try {
    if ((await readFile(path, 'utf8').catch(() => undefined)) === stale) await unlink(path).catch(() => undefined);
  } finally {
    await unlink(takeover).catch(() => undefined);
  }
}

function inUse(dir: string, owner: Owner | undefined): string {
  const who = owner ? `process ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`} (since ${owner.since})` : 'a process starting now';
  return `${dir} is in use by ${who}. PGlite allows one process per data directory: stop that process, `
    + 'or set DATABASE_URL to use PostgreSQL to run several.';
}

function parseOwner(text: string): Owner | undefined {
  try {
    const v = JSON.parse(text) as Partial<Owner> | null;
    return v && typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.since === 'string' ? { pid: v.pid, host: v.host, since: v.since } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the owner still runs. On another host (a shared volume) that cannot be known: assumed so. */
function isAlive(owner: Owner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0); // signal 0 only checks
    return true;
  } catch (e) {
    return code(e) === 'EPERM'; // exists, but belongs to another user
  }
}

async function isFresh(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs < unreadableGraceMs;
}

const code = (e: unknown): unknown => (typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined);
