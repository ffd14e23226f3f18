import { randomBytes } from 'node:crypto';
import type { ChannelStarter } from '../channel.ts';
import type { Config } from '../../src/config.ts';
import { clientAddress } from '../../src/http/client-address.ts';
import { perAddress } from '../../src/http/limit.ts';
import type { HttpServer } from '../../src/http/server.ts';
import type { Logger } from '../../src/log.ts';
import type { Clock } from '../../src/ports/clock.ts';
import type { RateLimits, RateRule } from '../../src/ports/rate-limits.ts';
import type { ActivityStore } from './activity-store.ts';
import { WebchatBot } from './bot.ts';
import { routeChatPage } from './chat-page.ts';
import { routeDirectLine } from './directline-routes.ts';
import { directLineStream } from './directline-stream.ts';
import type { DirectLineStream } from './directline-stream.ts';
import { MemoryActivityStore } from './memory-activity-store.ts';
import { webchatSender } from './sender.ts';
import { TokenSigner } from './tokens.ts';
import { defaultUploadLimits } from './uploads.ts';
import type { UploadLimits } from './uploads.ts';

export interface WebchatOptions {
  /** Instead of the store the configuration picks (Redis with REDIS_URL, else memory); the caller closes it. */
  store?: ActivityStore;
  /** Default 1800 s, as Azure's Direct Line; Web Chat refreshes every 15 minutes. */
  tokenLifetimeSeconds?: number;
  /** Per client address, shared by every process; see `defaultRateLimits`. */
  rateLimits?: Partial<Record<WebchatLimit, RateRule>>;
  /** CSP frame-ancestors of the page; see `ChatPageOptions`. */
  frameAncestors?: string;
  /** Per upload request; see `UploadLimits`. */
  uploads?: Partial<UploadLimits>;
}

export type WebchatLimit = 'tokens' | 'posts' | 'reads' | 'page' | 'azure';

/**
 * Per client address, a minute: 20 new conversations; 120 messages and uploads; 600 other
 * Direct Line calls (Web Chat polls about once a second; reconnects, refreshes, files, streams);
 * 120 loads of the page and its scripts. Azure Bot Service carries every traveller's messages
 * from a few addresses: 3,000.
 */
const defaultRateLimits: Record<WebchatLimit, RateRule> = {
  tokens: { points: 20, seconds: 60 },
  posts: { points: 120, seconds: 60 },
  reads: { points: 600, seconds: 60 },
  page: { points: 120, seconds: 60 },
  azure: { points: 3_000, seconds: 60 },
};

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
  const opened = options.store ? { store: options.store, close: async () => {} } : await openStore(config, clock, log);
  const { store } = opened;
  const bot = new WebchatBot({ app, config, store, clock, log });
  app.router.register('webchat', webchatSender(store, bot, clock, log));

  if (role !== 'worker' && !config.WEBCHAT_SECRET) log.info('webchat.ephemeral_secret', { note: 'tokens end with this process; set WEBCHAT_SECRET to keep them' });
  const stream = role !== 'worker' && secret ? serveWebchat(http, { store, bot, config, clock, log, secret, options, limits: app.parts.limits }) : undefined;
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
  limits: RateLimits;
}

/** The routes of `start` and `web`: our Direct Line and its stream, the page, and with app credentials `/api/messages`. */
function serveWebchat(http: HttpServer, { store, bot, config, clock, log, secret, options, limits }: Serving): DirectLineStream {
  const signer = new TokenSigner(secret, clock, options.tokenLifetimeSeconds);
  const rules = { ...defaultRateLimits, ...options.rateLimits };
  const limiter = (name: WebchatLimit) => limits.limiter(`webchat.${name}`, rules[name]);
  const trustProxy = config.TRUST_PROXY;
  const reads = limiter('reads');
  routeDirectLine(http, {
    store, bot, signer, config, clock, log, trustProxy,
    limits: { tokens: limiter('tokens'), posts: limiter('posts'), reads },
    uploads: { ...defaultUploadLimits, ...options.uploads },
  });
  const stream = directLineStream(store, signer, log, { limit: (req) => reads.take(clientAddress(req, trustProxy)) });
  http.upgrade('/v3/directline/conversations/*', stream.upgrade);
  routeChatPage(http, {
    defaultLocale: config.DEFAULT_LOCALE, limit: perAddress(limiter('page'), trustProxy),
    ...(options.frameAncestors ? { frameAncestors: options.frameAncestors } : {}),
  });
  if (bot.acceptsAzure) http.route('POST', '/api/messages', perAddress(limiter('azure'), trustProxy)(bot.azureMessages));
  return stream;
}

/** Redis with REDIS_URL (its client loaded only then), else memory. */
async function openStore(config: Config, clock: Clock, log: Logger): Promise<{ store: ActivityStore; close(): Promise<void> }> {
  if (!config.REDIS_URL) return { store: new MemoryActivityStore(clock), close: async () => {} };
  const { openRedisActivityStore } = await import('./redis-activity-store.ts');
  return openRedisActivityStore(config.REDIS_URL, { prefix: config.REDIS_PREFIX, connectTimeoutMs: config.REDIS_CONNECT_TIMEOUT_MS, log });
}
