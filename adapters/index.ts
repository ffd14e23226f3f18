import type { ChannelStarter } from './channel.ts';
import { startTelegram } from './telegram/start-telegram.ts';
import { startWebchat } from './webchat/index.ts';
import { startWechat } from './wechat/index.ts';

/** Every channel tripcare speaks; each is off unless configured (web chat is on in `start`). */
export const channelStarters: ChannelStarter[] = [startWechat, startTelegram, startWebchat];
