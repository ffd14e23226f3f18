import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { ChannelStarter } from '../channel.ts';
import type { Config } from '../../src/config.ts';
import type { HttpServer } from '../../src/http/server.ts';
import { errorFields } from '../../src/log.ts';
import type { Logger } from '../../src/log.ts';
import type { Clock } from '../../src/ports/clock.ts';
import type { ActivityStore } from './activity-store.ts';
import { WebchatBot } from './bot.ts';
import { routeChatPage } from './chat-page.ts';
import { routeDirectLine } from './directline-routes.ts';
import { directLineStream } from './directline-stream.ts';
import type { DirectLineStream } from './directline-stream.ts';
import { MemoryActivityStore } from './memory-activity-store.ts';
import { RateLimiter } from '../../src/http/rate-limit.ts';
import type { RateLimitOptions } from '../../src/http/rate-limit.ts';
import { RedisActivityStore } from './redis-activity-store.ts';
import { webchatSender } from './sender.ts';
import { TokenSigner } from './tokens.ts';
import { defaultUploadLimits } from './uploads.ts';
import type { UploadLimits } from './uploads.ts';

export interface WebchatOptions {
  /** Instead of the store the configuration picks (Redis with REDIS_URL, else memory); the caller closes it. */
  store?: ActivityStore;
  /** Default 1800 s, as Azure's Direct Line; Web Chat refreshes every 15 minutes. */
  tokenLifetimeSeconds?: number;
  /** Per client IP and process. Defaults: 20 tokens and 120 posted activities a minute. */
  rateLimits?: { tokens?: RateLimitOptions; posts?: RateLimitOptions };
  /** CSP frame-ancestors of the page; see `ChatPageOptions`. */
  frameAncestors?: string;
  /** Per upload request; see `UploadLimits`. */
  uploads?: Partial<UploadLimits>;
}

/** Per client IP: tokens 20 at once then one every 3 s; posts 120 at once then two a second. */
const defaultRateLimits = { tokens: { burst: 20, perSecond: 20 / 60 }, posts: { burst: 120, perSecond: 2 } };

/**
 * The web chat channel, with options. Everywhere it sends (replies land in the activity
 * store, or go back to Azure Bot Service); in `start`/`web` it also serves our Direct Line,
 * its WebSocket stream, the page at `/chat` and, with app credentials, `/api/messages`.
 */
export const createWebchatStarter = (options: WebchatOptions = {}): ChannelStarter => async ({ app, http, config, log, clock, role }) => {
  const secret = config.WEBCHAT_SECRET ?? (role === 'start' ? randomBytes(32).toString('base64url') : undefined);
  if (role === 'web' && !secret) {
    log.warn('webchat.off', { reason: 'WEBCHAT_SECRET is unset' });
    return null;
  }
  const opened = options.store ? { store: options.store, close: async () => {} } : openStore(config, clock, log);
  const { store } = opened;
  const bot = new WebchatBot({ app, config, store, clock, log });
  app.router.register('webchat', webchatSender(store, bot, clock, log));

  if (role !== 'worker' && !config.WEBCHAT_SECRET) log.info('webchat.ephemeral_secret', { note: 'tokens end with this process; set WEBCHAT_SECRET to keep them' });
  const stream = role !== 'worker' && secret ? serveWebchat(http, { store, bot, config, clock, log, secret, options }) : undefined;
  log.info('webchat.started', { role, store: options.store ? 'given' : config.REDIS_URL ? 'redis' : 'memory', azure: bot.acceptsAzure });
  return {
    channel: 'webchat',
    async close() {
      await stream?.close();
      await opened.close();
    },
  };
};

/** The web chat channel with its defaults: what `serve` starts. */
export const startWebchat: ChannelStarter = createWebchatStarter();

interface Serving {
  store: ActivityStore;
  bot: WebchatBot;
  config: Config;
  clock: Clock;
  log: Logger;
  secret: string;
  options: WebchatOptions;
}

/** The routes of `start` and `web`: our Direct Line and its stream, the page, and with app credentials `/api/messages`. */
function serveWebchat(http: HttpServer, { store, bot, config, clock, log, secret, options }: Serving): DirectLineStream {
  const signer = new TokenSigner(secret, clock, options.tokenLifetimeSeconds);
  const limits = { ...defaultRateLimits, ...options.rateLimits };
  const now = () => clock.now().getTime();
  routeDirectLine(http, {
    store, bot, signer, config, clock, log,
    limits: { tokens: new RateLimiter(limits.tokens, now), posts: new RateLimiter(limits.posts, now) },
    uploads: { ...defaultUploadLimits, ...options.uploads },
  });
  const stream = directLineStream(store, signer, log);
  http.upgrade('/v3/directline/conversations/*', stream.upgrade);
  routeChatPage(http, { defaultLocale: config.DEFAULT_LOCALE, ...(options.frameAncestors ? { frameAncestors: options.frameAncestors } : {}) });
  if (bot.acceptsAzure) http.route('POST', '/api/messages', bot.azureMessages);
  return stream;
}

function openStore(config: Config, clock: Clock, log: Logger): { store: ActivityStore; close(): Promise<void> } {
  if (!config.REDIS_URL) return { store: new MemoryActivityStore(clock), close: async () => {} };
  const redis = new Redis(config.REDIS_URL);
  redis.on('error', (e: unknown) => log.warn('webchat.redis_error', errorFields(e)));
  const store = new RedisActivityStore(redis, { prefix: config.REDIS_PREFIX, log });
  return {
    store,
    async close() {
      await store.close();
      await redis.quit();
    },
  };
}
