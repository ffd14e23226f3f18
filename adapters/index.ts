import type { ChannelStarter } from './channel.ts';
import { startTelegram } from './telegram/start-telegram.ts';

/** Every channel tripcare speaks; each is off unless configured. */
export const channelStarters: ChannelStarter[] = [startTelegram];
