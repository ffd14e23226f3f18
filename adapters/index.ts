import type { ChannelStarter } from './channel.ts';
import { startTelegram } from './telegram/start-telegram.ts';
import { startWechat } from './wechat/index.ts';

/** Every channel tripcare speaks; each is off unless configured. */
export const channelStarters: ChannelStarter[] = [startWechat, startTelegram];
