import type { Handler } from '../../src/http/server.ts';
import { sendJson } from '../../src/http/server.ts';
import type { Logger } from '../../src/log.ts';
import { parseJsonInput } from '../../src/http/json-input.ts';
import { readBody } from '../../src/http/read-body.ts';
import { secretMatches } from './secret-token.ts';
import type { UpdateHandler } from './update-handler.ts';

export const webhookPath = '/telegram/webhook';

export interface WebhookRouteOptions {
  /** TELEGRAM_WEBHOOK_SECRET, which Telegram sends back in `X-Telegram-Bot-Api-Secret-Token`. */
  secret: string;
  updates: UpdateHandler;
  log: Logger;
  /** Updates are a few KB; larger bodies are refused. Default 1 MiB. */
  maxBodyBytes?: number;
  /** False once the channel is closing: Telegram is told to come back later. */
  open: () => boolean;
}

/**
 * `POST /telegram/webhook`. Answers 200 only once the engine has the update, so
 * that Telegram redelivers what failed (5xx); updates it cannot use are still
 * acknowledged, or Telegram would redeliver them for hours.
 */
export function webhookRoute(options: WebhookRouteOptions): Handler {
  const { secret, updates, log, open } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  return async (req, res) => {
    if (!open()) return sendJson(res, 503, { error: 'closing' });
    if (!secretMatches(req.headers['x-telegram-bot-api-secret-token'], secret)) {
      log.warn('telegram.webhook_unauthorized', {});
      return sendJson(res, 401, { error: 'unauthorized' });
    }
    const body = await readBody(req, maxBodyBytes);
    if (body === 'too_large') {
      res.setHeader('connection', 'close'); // the rest of the body is not read
      return sendJson(res, 413, { error: 'too large' });
    }
    const update = parseJsonInput(body.toString('utf8'));
    if (!update.ok) {
      log.warn('telegram.webhook_malformed', { bytes: body.length });
      return sendJson(res, 400, { error: update.problem });
    }
    await updates.handle(update.value); // a failure becomes a 500 in the server
    sendJson(res, 200, { ok: true });
  };
}
