import { describe, expect, it } from 'vitest';
import { HashGate } from '../../src/staff/hash-gate.ts';

/** A hash that ends when told to. */
function held(): { hash: () => Promise<string>; finish(): void; started: boolean } {
  let finish = () => {};
  const h = {
    started: false,
    hash: () => {
      h.started = true;
      return new Promise<string>((resolve) => (finish = () => resolve('done')));
    },
    finish: () => finish(),
  };
  return h;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('HashGate', () => {
  it('runs at most `concurrent` hashes at once; a finished one hands its place to the newest waiter', async () => {
    const gate = new HashGate({ concurrent: 2, waiting: 4, maxWaitMs: 10_000 });
    const hashes = Array.from({ length: 4 }, held);
    const runs = hashes.map((h) => gate.run(h.hash));
    await tick();
    expect(hashes.map((h) => h.started)).toEqual([true, true, false, false]);
    hashes[0]!.finish();
    await tick();
    expect(hashes.map((h) => h.started)).toEqual([true, true, false, true]);
    hashes[1]!.finish();
    await tick();
    expect(hashes[2]!.started).toBe(true);
    for (const h of hashes) h.finish();
    expect(await Promise.all(runs)).toEqual(Array.from({ length: 4 }, () => ({ ran: true, value: 'done' })));
  });

  it('turns away the one waiting longest when too many wait, and any that waits too long', async () => {
    const gate = new HashGate({ concurrent: 1, waiting: 2, maxWaitMs: 100 });
    const running = held();
    const first = gate.run(running.hash);
    const waiters = Array.from({ length: 3 }, held);
    const waiting = waiters.map((h) => gate.run(h.hash));
    expect(await waiting[0]).toEqual({ ran: false });
    expect(await Promise.all(waiting.slice(1))).toEqual([{ ran: false }, { ran: false }]); // after 100 ms
    expect(waiters.some((h) => h.started)).toBe(false);
    running.finish();
    expect(await first).toEqual({ ran: true, value: 'done' });
    const after = held();
    const next = gate.run(after.hash);
    await tick();
    expect(after.started).toBe(true); // the place was given back
    after.finish();
    await next;
  });

  it('gives the place back when a hash fails', async () => {
    const gate = new HashGate({ concurrent: 1 });
    await expect(gate.run(() => Promise.reject(new Error('bad hash')))).rejects.toThrow('bad hash');
    expect(await gate.run(async () => 1)).toEqual({ ran: true, value: 1 });
  });
});
