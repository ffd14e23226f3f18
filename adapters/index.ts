import type { Config } from '../src/config.ts';
import type { Channel } from '../src/conversation/messages.ts';
import type { ChannelEntry, ChannelRole, ChannelStarter } from './channel.ts';

/** An entry of the list, keeping its channel's name as a type. */
const entry = <C extends Channel>(e: ChannelEntry & { channel: C }) => e;

/**
 * Every channel tripcare speaks, the one list: each says from the configuration alone whether
 * it runs in a process of a role, and imports its module (wechaty, telegraf, botbuilder are
 * heavy) only when asked to `load()`. WeChat and Telegram are off unless configured; web chat
 * is on in every role (in `web` without WEBCHAT_SECRET its starter warns and stays off).
 */
export const channels = [
  entry({
    channel: 'wechat',
    enabled: (config) => config.WECHAT_PUPPET !== undefined,
    load: async () => (await import('./wechat/index.ts')).startWechat,
  }),
  entry({
    channel: 'telegram',
    enabled: (config) => config.TELEGRAM_BOT_TOKEN !== undefined,
    load: async () => (await import('./telegram/start-telegram.ts')).startTelegram,
  }),
  entry({
    channel: 'webchat',
    enabled: () => true,
    load: async () => (await import('./webchat/index.ts')).startWebchat,
  }),
] as const;

export type ServedChannel = (typeof channels)[number]['channel'];

/** The channels on in a process of `role`. */
export const enabledChannels = (config: Config, role: ChannelRole): ChannelEntry[] => channels.filter((c) => c.enabled(config, role));

/** Each channel as a starter that loads its module only when the channel is on (null when off, as starters say). */
export const channelStarters: ChannelStarter[] = channels.map((c): ChannelStarter => async (setup) =>
  c.enabled(setup.config, setup.role) ? (await c.load())(setup) : null);
