import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../../src/config.ts';
import { clientAddress } from '../../src/http/client-address.ts';
import { admit } from '../../src/http/limit.ts';
import { sendJson } from '../../src/http/server.ts';
import type { HttpServer } from '../../src/http/server.ts';
import { errorFields } from '../../src/log.ts';
import type { Logger } from '../../src/log.ts';
import type { Clock } from '../../src/ports/clock.ts';
import type { RateLimiter } from '../../src/ports/rate-limits.ts';
import { echoActivity } from './activities.ts';
import type { ActivityStore, NewActivity } from './activity-store.ts';
import type { WebchatBot } from './bot.ts';
import { bearer, readJson } from './http-io.ts';
import { conversationIdSchema, postedActivitySchema, tokenRequestSchema, watermarkSchema } from './schemas.ts';
import type { TokenSigner } from './tokens.ts';
import { readUpload, serveFile } from './uploads.ts';
import type { UploadLimits } from './uploads.ts';

export interface DirectLineSetup {
  store: ActivityStore;
  signer: TokenSigner;
  bot: WebchatBot;
  config: Config;
  clock: Clock;
  log: Logger;
  /** Per client address: new conversations; messages and uploads; every other call (polling, reconnects, refreshes, files). */
  limits: { tokens: RateLimiter; posts: RateLimiter; reads: RateLimiter };
  /** TRUST_PROXY: see `clientAddress`. */
  trustProxy: number;
  uploads: UploadLimits;
}

/** Bodies: token requests are tiny; an activity carries at most a long message. */
const maxTokenBody = 1024;
const maxActivityBody = 64 * 1024;

const conversationPath = /^\/v3\/directline\/conversations\/([^/]+)(\/activities|\/upload|\/files\/([\w-]{22}))?$/;

/**
 * The Direct Line 3.0 subset Web Chat uses (tokens, conversations, activities; the
 * stream is `directline-stream.ts`), plus `POST /api/webchat/token` for our page.
 */
export function routeDirectLine(http: HttpServer, setup: DirectLineSetup): void {
  const { store, signer, bot, config, clock, log, limits, uploads, trustProxy } = setup;
  const within = (limiter: RateLimiter, req: IncomingMessage, res: ServerResponse) => admit(res, limiter, clientAddress(req, trustProxy));

  const newConversation = async (req: IncomingMessage, res: ServerResponse) => {
    if (!(await within(limits.tokens, req, res))) return;
    const read = await readJson(req, maxTokenBody);
    if (!read.ok) return sendJson(res, read.status, { error: 'bad request' });
    const body = tokenRequestSchema.safeParse(read.value);
    if (!body.success) return sendJson(res, 400, { error: 'bad request' });
    const conversationId = randomBytes(18).toString('base64url');
    await store.open(conversationId, { kind: 'directline', locale: body.data.locale ?? config.DEFAULT_LOCALE });
    log.info('webchat.conversation', { conversationId });
    sendJson(res, 200, { conversationId, ...signer.issue(conversationId) });
  };

  /** The conversation a request's token is for, or a refusal sent: 401 without a token, 403 with a bad or expired one (Web Chat then refreshes). */
  const authorize = (req: IncomingMessage, res: ServerResponse, conversationId?: string): string | undefined => {
    const token = bearer(req);
    if (!token) return void sendJson(res, 401, { error: 'token required' });
    const checked = signer.check(token);
    if (!checked.ok) return void sendJson(res, 403, { error: `token ${checked.reason}` });
    if (conversationId !== undefined && checked.conversationId !== conversationId) return void sendJson(res, 403, { error: 'token is for another conversation' });
    return checked.conversationId;
  };

  const conversation = async (req: IncomingMessage, res: ServerResponse, conversationId: string, watermark: number) => {
    if ((await store.origin(conversationId))?.kind !== 'directline') return sendJson(res, 404, { error: 'no such conversation' });
    const base = streamBase(config, req);
    if (!base) return sendJson(res, 400, { error: 'bad host' });
    const { token, expires_in } = signer.issue(conversationId);
    const streamUrl = `${base}/v3/directline/conversations/${conversationId}/stream?watermark=${watermark}&t=${encodeURIComponent(token)}`;
    sendJson(res, watermark === 0 ? 201 : 200, { conversationId, token, expires_in, streamUrl });
  };

  const post = async (req: IncomingMessage, res: ServerResponse, conversationId: string) => {
    if (!(await within(limits.posts, req, res))) return;
    const read = await readJson(req, maxActivityBody);
    if (!read.ok) return sendJson(res, read.status, { error: read.status === 413 ? 'activity too large' : 'bad request' });
    const parsed = postedActivitySchema.safeParse(read.value);
    if (!parsed.success) return sendJson(res, 400, { error: 'not an activity we take' });
    if ((await store.origin(conversationId))?.kind !== 'directline') return sendJson(res, 404, { error: 'no such conversation' });
    await deliver(res, conversationId, echoActivity(parsed.data, conversationId, clock.now()));
  };

  /** Photos (evidence) and PDFs: each file kept in the store, the message echoed with links to them. */
  const upload = async (req: IncomingMessage, res: ServerResponse, conversationId: string) => {
    if (!(await within(limits.posts, req, res))) return;
    const read = await readUpload(req, uploads);
    if (!read.ok) return sendJson(res, read.status, { error: read.status === 413 ? 'upload too large' : read.status === 415 ? 'only photos and PDFs are taken' : 'bad upload' });
    if ((await store.origin(conversationId))?.kind !== 'directline') return sendJson(res, 404, { error: 'no such conversation' });
    const attachments = [];
    for (const file of read.files) {
      const fileId = await store.putFile(conversationId, file);
      attachments.push({ contentType: file.contentType, contentUrl: `${publicOrigin(config)}/v3/directline/conversations/${conversationId}/files/${fileId}`, name: file.name });
    }
    log.info('webchat.upload', { conversationId, files: attachments.length, bytes: read.files.reduce((n, f) => n + f.bytes.length, 0) });
    await deliver(res, conversationId, { ...echoActivity(read.activity, conversationId, clock.now()), attachments });
  };

  /** Appends a traveller's activity (the echo Web Chat waits for), hands a message to the bot, answers its id. */
  const deliver = async (res: ServerResponse, conversationId: string, activity: NewActivity) => {
    if (activity.type !== 'message') return sendJson(res, 200, { id: (await store.append(conversationId, activity)).id });
    // Journaled before it is echoed: a traveller never sees a message that may go unanswered.
    // Web Chat's own id for it makes a resend the same message, journaled and echoed once.
    const messageId = `${conversationId}|c:${activity.channelData?.clientActivityID ?? randomUUID()}`;
    try {
      await bot.journal({ ...activity, id: messageId });
    } catch (e) {
      log.error('webchat.journal_failed', { conversationId, ...errorFields(e) });
      return sendJson(res, 503, { error: 'the bot could not take it; please send again' });
    }
    const echoed = await store.append(conversationId, activity, messageId);
    try {
      await bot.fromDirectLine({ ...echoed, id: messageId });
    } catch (e) {
      // Journaled and echoed: the recovery loop answers it, so the traveller need not send it again.
      log.error('webchat.turn_failed', { conversationId, ...errorFields(e) });
    }
    sendJson(res, 200, { id: echoed.id });
  };

  http.route('POST', '/api/webchat/token', newConversation);

  http.route('POST', '/v3/directline/tokens/generate', async (req, res) => {
    if (!signer.isSecret(bearer(req) ?? '')) return sendJson(res, 403, { error: 'secret required' });
    await newConversation(req, res);
  });

  http.route('POST', '/v3/directline/tokens/refresh', async (req, res) => {
    if (!(await within(limits.reads, req, res))) return;
    const conversationId = authorize(req, res);
    if (conversationId) sendJson(res, 200, { conversationId, ...signer.issue(conversationId) });
  });

  http.route('POST', '/v3/directline/conversations', async (req, res) => {
    if (!(await within(limits.reads, req, res))) return;
    const conversationId = authorize(req, res);
    if (!conversationId) return;
    const read = await readJson(req, maxTokenBody); // { user, locale }: the token already says whose
    if (!read.ok) return sendJson(res, read.status, { error: 'bad request' });
    await conversation(req, res, conversationId, 0);
  });

  const perConversation = async (req: IncomingMessage, res: ServerResponse) => {
    // Posts count as posts, in `post` and `upload`; every GET (polling above all) as a read.
    if (req.method === 'GET' && !(await within(limits.reads, req, res))) return;
    const url = new URL(req.url ?? '/', 'http://local');
    const [, id = '', sub, fileId] = conversationPath.exec(url.pathname) ?? [];
    if (!conversationIdSchema.safeParse(id).success) return sendJson(res, 404, { error: 'not found' });
    if (req.method === 'GET' && fileId) return serveFile(res, await store.file(id, fileId)); // the unguessable URL is the key: <img> sends no token
    const watermark = watermarkSchema.safeParse(url.searchParams.get('watermark') ?? undefined);
    if (!watermark.success) return sendJson(res, 400, { error: 'bad watermark' });
    if (!authorize(req, res, id)) return;
    if (req.method === 'GET' && sub === undefined) return conversation(req, res, id, watermark.data);
    if (req.method === 'GET' && sub === '/activities') return sendJson(res, 200, await store.since(id, watermark.data));
    if (req.method === 'POST' && sub === '/activities') return post(req, res, id);
    if (req.method === 'POST' && sub === '/upload') return upload(req, res, id);
    sendJson(res, 404, { error: 'not found' });
  };
  http.route('GET', '/v3/directline/conversations/*', perConversation);
  http.route('POST', '/v3/directline/conversations/*', perConversation);
}

/** Where our files are linked from: PUBLIC_URL's origin, else the page's own (a relative link). */
const publicOrigin = (config: Config): string => (config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : '');

/** ws(s)://host for stream URLs: from PUBLIC_URL, else from the request's Host (checked). */
function streamBase(config: Config, req: IncomingMessage): string | undefined {
  if (config.PUBLIC_URL) return new URL(config.PUBLIC_URL).origin.replace(/^http/, 'ws');
  const host = req.headers.host ?? '';
  return /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(host) ? `ws://${host}` : undefined;
}
