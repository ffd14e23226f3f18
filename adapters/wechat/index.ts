import type { ChannelSetup, ChannelStarter, RunningChannel } from '../channel.ts';
import type * as PUPPET from 'wechaty-puppet';
import { loadPuppet } from './load-puppet.ts';
import { startOfficialAccount } from './official-account/start-official-account.ts';
import type { ServiceWindow } from './official-account/service-windows.ts';
import { WechatyChannel } from './wechaty-channel.ts';

export { WechatApiError, WechatQuotaError, WechatWindowClosedError } from './official-account/errors.ts';
export type { ServiceWindow } from './official-account/service-windows.ts';

export interface RunningWechat extends RunningChannel {
  /** The wechaty puppet the channel runs on. */
  puppet: PUPPET.impls.PuppetInterface;
  /** Resolves once the puppet has logged in (a scan for personal-account puppets; at once for the Official Account). */
  loggedIn: Promise<void>;
  /**
   * A traveller's customer-service window and quota, for the staff console: null when
   * closed. Only the Official Account has windows; other puppets have none (null here).
   */
  windowOf: ((openId: string) => Promise<ServiceWindow | null>) | null;
}

/**
 * The WeChat channel, on wechaty with the puppet WECHAT_PUPPET names: `official-account`
 * for tripcare's own hardened Official Account puppet (webhook `/wechat`), or a
 * puppet package by name (WECHAT_PUPPET_TOKEN as its `token`). Off when unset.
 */
export const startWechat = (async (setup: ChannelSetup): Promise<RunningWechat | null> => {
  const { config, app, log, clock, role } = setup;
  if (!config.WECHAT_PUPPET) return null;
  if (config.WECHAT_PUPPET === 'official-account') {
    const { WECHAT_OA_APP_ID: appId, WECHAT_OA_APP_SECRET: appSecret, WECHAT_OA_TOKEN: token } = config;
    if (!appId || !appSecret || !token) throw new Error('WECHAT_OA_APP_ID, WECHAT_OA_APP_SECRET and WECHAT_OA_TOKEN are required'); // config.ts checks them
    const oa = await startOfficialAccount(setup, { appId, appSecret, token, aesKey: config.WECHAT_OA_AES_KEY, apiBase: config.WECHAT_OA_API_BASE });
    app.router.register('wechat', { send: (m) => oa.channel.send(m), windowOf: (openId) => oa.windowOf(openId) });
    return { channel: 'wechat', puppet: oa.channel.bot.puppet, loggedIn: oa.channel.loggedIn, windowOf: oa.windowOf, close: oa.close };
  }
  const puppet = await loadPuppet(config.WECHAT_PUPPET, config.WECHAT_PUPPET_TOKEN);
  const channel = new WechatyChannel({ puppet, app, clock, log, listen: role !== 'worker' });
  await channel.start();
  app.router.register('wechat', { send: (m) => channel.send(m) });
  log.info('wechat.puppet', { puppet: config.WECHAT_PUPPET, role });
  return { channel: 'wechat', puppet, loggedIn: channel.loggedIn, windowOf: null, close: () => channel.stop() };
}) satisfies ChannelStarter;
