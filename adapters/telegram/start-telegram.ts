import type { ChannelSetup, ChannelStarter } from '../channel.ts';
import { BotApi } from './bot-api.ts';
import { Poller } from './poller.ts';
import { perAddress } from '../../src/http/limit.ts';
import { errorCode } from './retry-policy.ts';
import { TelegramSender } from './telegram-sender.ts';
import { UpdateHandler } from './update-handler.ts';
import { webhookPath, webhookRoute } from './webhook-route.ts';

type Intake = { close(): Promise<void> };

/**
 * Telegram through the Bot API; off without TELEGRAM_BOT_TOKEN. Every role sends
 * (replies, staff messages, reminders). Updates come in by TELEGRAM_MODE:
 * - `polling`: in `start` only. Several `web` processes polling one bot would take
 *   turns getting 409 Conflict, so `web` warns and does not poll.
 * - `webhook`: `start` and `web` serve POST /telegram/webhook and register it with setWebhook.
 * Only private chats are heard; in groups the bot stays silent (a complaint's
 * details are not for a group, and every word the bot says comes from the engine).
 */
export const startTelegram: ChannelStarter = async (setup) => {
  const { app, config, log, clock, role } = setup;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) return null;
  const api = new BotApi(token, log, config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {});
  app.router.register('telegram', new TelegramSender(api));
  const updates = new UpdateHandler({ engine: app.engine, api, clock, log });

  let intake: Intake | null = null;
  if (role !== 'worker' && config.TELEGRAM_MODE === 'webhook') intake = await startWebhook(setup, api, updates);
  else if (role === 'start') intake = await startPolling(setup, api, updates);
  else if (role === 'web') log.warn('telegram.not_polling', { role, reason: 'polling runs in tripcare start only; use TELEGRAM_MODE=webhook to take updates in web processes' });
  log.info('telegram.started', { role, mode: config.TELEGRAM_MODE, intake: intake !== null });
  return { channel: 'telegram', close: () => intake?.close() ?? Promise.resolve() };
};

async function startPolling({ log }: ChannelSetup, api: BotApi, updates: UpdateHandler): Promise<Intake> {
  await api.deleteWebhook().catch((e: unknown) => log.warn('telegram.delete_webhook_failed', { code: errorCode(e) }));
  const poller = new Poller(api, updates, log);
  poller.start();
  return { close: () => poller.stop() };
}

/** Per source address, before the secret is looked at: Telegram sends from a few addresses, so generously (200 in 10 s). */
export const webhookRule = { points: 200, seconds: 10 };

async function startWebhook({ app, http, config, log }: ChannelSetup, api: BotApi, updates: UpdateHandler): Promise<Intake> {
  const url = config.TELEGRAM_WEBHOOK_URL;
  const secret = config.TELEGRAM_WEBHOOK_SECRET;
  if (!url || !secret) throw new Error('TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET are required in webhook mode'); // config checks this first
  let open = true;
  const limited = perAddress(app.parts.limits.limiter('telegram.webhook', webhookRule), config.TRUST_PROXY);
  http.route('POST', webhookPath, limited(webhookRoute({ secret, updates, log, open: () => open })));
  // Every web process sets the same webhook: harmless. Failing, the process still serves; the log says why.
  await api.setWebhook(url, secret).catch((e: unknown) => log.error('telegram.set_webhook_failed', { code: errorCode(e) }));
  return {
    close: async () => {
      open = false;
    },
  };
}
