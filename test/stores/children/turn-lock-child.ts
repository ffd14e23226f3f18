// A process taking turns on one Redis turn lock, told what to do over IPC.
// argv: redisUrl prefix leaseMs
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { RedisTurnLock } from '../../../src/stores/redis/redis-turn-lock.ts';

type Command = { type: 'turn'; key: string; turn: number; holdMs: number } | { type: 'hold'; key: string };

const [url = '', prefix = '', leaseMs = '30000'] = process.argv.slice(2);
const redis = new Redis(url);
const lock = new RedisTurnLock(redis, { prefix, leaseMs: Number(leaseMs) });
const send = (m: Record<string, unknown>) => process.send?.(m);

process.on('message', (command: Command) => {
  if (command.type === 'turn') {
    void lock.withLock(command.key, async () => {
      // Shared across processes: the log of starts and ends, and how many turns run now.
      const running = await redis.incr(`${prefix}:running`);
      await redis.rpush(`${prefix}:log`, running === 1 ? `start ${command.turn}` : `overlap ${command.turn}`);
      await sleep(command.holdMs);
      await redis.rpush(`${prefix}:log`, `end ${command.turn}`);
      await redis.decr(`${prefix}:running`);
    }).then(() => send({ type: 'done', turn: command.turn }));
  } else {
    void lock.withLock(command.key, async () => {
      send({ type: 'holding' });
      await new Promise(() => {}); // until killed
    });
  }
});

await lock.withLock(`${prefix}:warm-up`, async () => {}); // subscribed and scripts loaded before any timed turn
send({ type: 'ready' });
