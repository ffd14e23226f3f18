import { Redis } from 'ioredis';
import type { ChannelSetup } from '../../channel.ts';
import { perAddress } from '../../../src/http/limit.ts';
import { closeRedis, commandRedisOptions } from '../../../src/stores/redis/redis-connection.ts';
import { addressOf, errorLog } from '../../../src/stores/service-errors.ts';
import { WechatyChannel } from '../wechaty-channel.ts';
import { CustomerServiceApi } from './customer-service-api.ts';
import { WechatApiError } from './errors.ts';
import { MemoryReplayGuard } from './memory-replay-guard.ts';
import { MemoryServiceWindows } from './memory-service-windows.ts';
import { MessageCrypto } from './message-crypto.ts';
import { OfficialAccountPuppet } from './puppet.ts';
import { PushDispatcher } from './push-dispatcher.ts';
import { RedisReplayGuard } from './redis-replay-guard.ts';
import { RedisServiceWindows } from './redis-service-windows.ts';
import { ServiceMessenger } from './service-messenger.ts';
import type { ServiceWindow } from './service-windows.ts';
import { wechatWebhook, webhookPath } from './webhook.ts';

export interface OfficialAccountCredentials {
  appId: string;
  appSecret: string;
  token: string;
  aesKey: string | undefined;
  apiBase: string;
}

/** Per source address, before the signature is checked: WeChat pushes from a few addresses, so generously (200 in 10 s). */
export const webhookRule = { points: 200, seconds: 10 };

export interface RunningOfficialAccount {
  channel: WechatyChannel;
  windowOf(openId: string): Promise<ServiceWindow | null>;
  close(): Promise<void>;
}

/**
 * The Official Account inside wechaty: tripcare's puppet, fed by `/wechat` (in `start`
 * and `web`), sending through the customer-service API. Windows and replay claims
 * live in Redis when REDIS_URL is set (shared by every process), else in memory.
 */
export async function startOfficialAccount(setup: ChannelSetup, oa: OfficialAccountCredentials): Promise<RunningOfficialAccount> {
  const { app, http, config, log, clock, role } = setup;
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, commandRedisOptions(config.REDIS_CONNECT_TIMEOUT_MS)) : null;
  if (config.REDIS_URL) redis?.on('error', errorLog(log, 'wechat.redis_error', addressOf(config.REDIS_URL)));
  const prefix = config.REDIS_PREFIX;
  const windows = redis ? new RedisServiceWindows(redis, { prefix }) : new MemoryServiceWindows();
  const replays = redis ? new RedisReplayGuard(redis, { prefix }) : new MemoryReplayGuard(clock);

  const api = new CustomerServiceApi({ appId: oa.appId, appSecret: oa.appSecret, apiBase: oa.apiBase, clock });
  const messenger = new ServiceMessenger(api, windows, clock);
  const puppet = new OfficialAccountPuppet({ selfId: oa.appId, messenger });
  const channel = new WechatyChannel({
    puppet, app, clock, log, listen: role !== 'worker',
    mediaRef: (id) => puppet.mediaIdOf(id),
    // A reply WeChat refused (45015, 45047…) does not undo the message: its turn is committed
    // and the replies wait in the conversation's outbox; a retry would only ask WeChat again.
    onHandled: (id, error) => puppet.handled(id, error instanceof WechatApiError ? undefined : error),
  });
  try {
    await channel.start();
    await channel.loggedIn;
  } catch (e) {
    if (redis) await closeRedis(redis);
    throw e;
  }

  let open = true;
  if (role !== 'worker') {
    const crypto = oa.aesKey ? new MessageCrypto(oa.aesKey, oa.appId) : null;
    const dispatcher = new PushDispatcher({ puppet, windows, clock, log });
    const webhook = wechatWebhook({ token: oa.token, crypto, dispatcher, replays, clock, log, open: () => open });
    const limited = perAddress(app.parts.limits.limiter('wechat.webhook', webhookRule), config.TRUST_PROXY);
    http.route('GET', webhookPath, limited(webhook.get)).route('POST', webhookPath, limited(webhook.post));
  }
  log.info('wechat.official_account', { mode: oa.aesKey ? 'safe' : 'plain', role });

  return {
    channel,
    windowOf: (openId) => windows.windowOf(openId, clock.now()),
    async close() {
      open = false;
      await channel.stop();
      if (redis) await closeRedis(redis);
    },
  };
}
