// One bench run of the botbuilder peer in a fresh process: `node bench/peer/child.js <redis|memory> <concurrency>`.
// Prints one JSON line, as bench/engine-child.ts does; started by bench/side-by-side.ts. The driver,
// the script and the counters are the bench's own (bench/*.ts), the same that drive tripcare.
import process from 'node:process';
import { MemoryStorage } from 'botbuilder';
import { Redis } from 'ioredis';
import { levelAt } from '../complaint.ts';
import { countRedis } from '../counters.ts';
import { childArgs, drive, report } from '../drive.ts';
import { averageKeyBytes, unlinkKeys } from '../redis-keys.ts';
import { complaintBot, RedisStorage } from './bot.js';

const { variant, concurrency } = childArgs(['redis', 'memory']);
countRedis(Redis);

const redis = variant === 'redis' ? new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') : null;
const prefix = `tripcare-bench-peer-${process.pid}:`;
const bot = complaintBot(redis ? new RedisStorage(redis, prefix) : new MemoryStorage());

const result = await drive({
  // A pressed choice arrives as its value, as from an imBack button.
  say: (conversation, n, turn) => bot.say(conversation, n, turn.choice ?? turn.text),
  replies: bot.replies,
}, levelAt(concurrency));

if (redis) {
  result.bytesPerConversation = await averageKeyBytes(redis, `${prefix}bench/conversations/*`);
  await unlinkKeys(redis, `${prefix}*`);
  await redis.quit();
}
report(result);
process.exit(0);
