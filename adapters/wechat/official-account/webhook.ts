import type { ServerResponse } from 'node:http';
import type { Handler } from '../../../src/http/server.ts';
import type { Logger } from '../../../src/log.ts';
import type { Clock } from '../../../src/ports/clock.ts';
import type { MessageCrypto } from './message-crypto.ts';
import type { PushDispatcher } from './push-dispatcher.ts';
import { readBody } from '../../../src/http/read-body.ts';
import type { ReplayGuard } from './replay-guard.ts';
import { checkSignedQuery, freshnessMs } from './signed-query.ts';
import type { SignedQuery } from './signed-query.ts';
import { unseal } from './unseal.ts';

export const webhookPath = '/wechat';

export interface WebhookOptions {
  /** WECHAT_OA_TOKEN. */
  token: string;
  /** Safe mode when set (WECHAT_OA_AES_KEY). */
  crypto: MessageCrypto | null;
  dispatcher: PushDispatcher;
  replays: ReplayGuard;
  clock: Clock;
  log: Logger;
  /** False once the channel is closing: WeChat is told to come back (it retries). */
  open: () => boolean;
  /** WeChat waits 5 s for an answer; this leaves a margin. Default 4 s. */
  answerWithinMs?: number;
  /** Pushes are a few KB. Default 64 KiB. */
  maxBodyBytes?: number;
}

type Check = { ok: true; query: SignedQuery } | { ok: false };

/**
 * `GET /wechat` (URL verification: echoes `echostr`) and `POST /wechat` (pushes).
 * Every request must carry a good signature and a fresh timestamp, and no request
 * (timestamp and nonce) is taken twice; safe mode also checks `msg_signature`.
 */
export function wechatWebhook(options: WebhookOptions): { get: Handler; post: Handler } {
  const { token, crypto, dispatcher, replays, clock, log, open } = options;
  const answerWithinMs = options.answerWithinMs ?? 4_000;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;

  /** The signed query, claimed against replays; answers the request itself when it is refused. */
  const check = async (url: string | undefined, res: ServerResponse): Promise<Check> => {
    const result = checkSignedQuery(new URL(url ?? '/', 'http://local').searchParams, token, clock.now());
    if (!result.ok) {
      log.warn('wechat.refused', { why: result.why });
      reply(res, result.why === 'unsigned' ? 401 : 403);
      return result;
    }
    if (!(await replays.claim(claimOf(result.query), freshnessMs * 2))) {
      log.warn('wechat.refused', { why: 'replayed' });
      reply(res, 403);
      return { ok: false };
    }
    return result;
  };

  const get: Handler = async (req, res) => {
    const checked = await check(req.url, res);
    if (!checked.ok) return;
    if (checked.query.echostr === undefined) return reply(res, 400);
    reply(res, 200, checked.query.echostr);
  };

  const post: Handler = async (req, res) => {
    const deadline = performance.now() + answerWithinMs;
    if (!open()) return reply(res, 503);
    const checked = await check(req.url, res);
    if (!checked.ok) return;
    const body = await readBody(req, maxBodyBytes);
    if (body === 'too_large') {
      res.setHeader('connection', 'close'); // the rest of the body is not read
      log.warn('wechat.refused', { why: 'too_large' });
      return reply(res, 413);
    }
    const unsealed = unseal(body.toString('utf8'), checked.query, token, crypto);
    if (!unsealed.ok) {
      log.warn('wechat.refused', { why: unsealed.why, bytes: body.length });
      return reply(res, unsealed.why === 'unsigned' ? 401 : 400);
    }
    let outcome: 'answer' | 'retry';
    try {
      outcome = await dispatcher.dispatch(unsealed.push, deadline);
    } catch (e) {
      await replays.release(claimOf(checked.query));
      throw e; // a 500: WeChat retries
    }
    if (outcome === 'retry') {
      await replays.release(claimOf(checked.query)); // WeChat may retry with the same nonce
      return reply(res, 500);
    }
    reply(res, 200, 'success');
  };

  return { get, post };
}

const claimOf = (q: SignedQuery): string => `${q.timestamp}:${q.nonce}`;

const reply = (res: ServerResponse, status: number, text = ''): void => {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }).end(text);
};
