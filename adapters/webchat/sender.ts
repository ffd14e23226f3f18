import type { Logger } from '../../src/log.ts';
import type { Clock } from '../../src/ports/clock.ts';
import type { Outbox } from '../../src/ports/outbox.ts';
import { replyActivity } from './activities.ts';
import type { ActivityStore } from './activity-store.ts';
import type { WebchatBot } from './bot.ts';

/**
 * Sends the engine's messages to web chat, from any process: into the conversation's
 * activity store (our Direct Line streams it to the traveller's open Web Chat), or, for
 * a conversation from Azure Bot Service, through the CloudAdapter to its allowed service URL.
 */
export function webchatSender(store: ActivityStore, bot: WebchatBot, clock: Clock, log: Logger): Outbox {
  return {
    async send(message) {
      const origin = await store.origin(message.conversationId);
      if (!origin) return log.warn('webchat.unknown_conversation', { turn: message.turn });
      const activity = replyActivity(message, origin.locale, clock.now());
      // Keyed by the reply's id (its turn and place): sent again after a crash, it is kept once.
      if (origin.kind === 'directline') return void (await store.append(message.conversationId, activity, message.id));
      if (!bot.isAllowed(origin.reference.serviceUrl)) return log.error('webchat.service_url_refused', { channelId: origin.reference.channelId });
      const { text, textFormat, locale, suggestedActions } = activity;
      await bot.sendToAzure(origin.reference, { type: 'message', text, textFormat, locale, ...(suggestedActions ? { suggestedActions: { ...suggestedActions, to: [] } } : {}) });
    },
  };
}
