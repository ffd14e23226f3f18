import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MessageCrypto } from '../../adapters/wechat/official-account/message-crypto.ts';
import { wechatSignature } from '../../adapters/wechat/official-account/signature.ts';

export interface FakeWechatOptions {
  appId: string;
  appSecret: string;
  token: string;
  /** Safe mode: pushes are encrypted with this EncodingAESKey. */
  aesKey?: string;
  /** The app's time, which WeChat's timestamps follow. */
  now: () => Date;
  /** Access tokens live this long (WeChat: 7200 s). */
  expiresInSeconds?: number;
}

export interface PushOptions {
  /** Sign with another token (a forger's). */
  forgeSignature?: boolean;
  /** Sign the encrypted body with another token. */
  forgeMsgSignature?: boolean;
  /** Seconds since the epoch; default the app's now. */
  timestamp?: number;
  nonce?: string;
  /** The body as sent, instead of one built from the fields. */
  rawBody?: string;
  /** Encrypt for another account's AppID. */
  appId?: string;
  /** Send plain XML even in safe mode. */
  plain?: boolean;
}

export interface Answer {
  status: number;
  body: string;
  ms: number;
}

export interface CustomMessage {
  touser: string;
  content: string;
  accessToken: string;
}

/** XML as WeChat writes it: text in CDATA, numbers bare. */
export const wechatXml = (fields: Record<string, string | number>): string =>
  `<xml>${Object.entries(fields).map(([k, v]) => `<${k}>${typeof v === 'number' ? v : `<![CDATA[${v}]]>`}</${k}>`).join('')}</xml>`;

/**
 * WeChat's side, for tests of the Official Account path: pushes signed (and in
 * safe mode encrypted) XML to the app's `/wechat`, and serves the API the app
 * calls (`/cgi-bin/token`, `/cgi-bin/message/custom/send`), recording what comes in.
 * Any other path is recorded too (`stray`): nothing should ever reach it.
 */
export class FakeWechat {
  readonly options: FakeWechatOptions;
  readonly messages: CustomMessage[] = [];
  readonly tokenRequests: { appid: string | null; secret: string | null }[] = [];
  readonly stray: string[] = [];
  /** errcodes the next custom sends answer, in order (then 0). */
  readonly sendErrors: number[] = [];
  appUrl = '';
  #validTokens = new Set<string>();
  #tokenNo = 0;
  #server: Server;
  #waiters: (() => void)[] = [];

  constructor(options: FakeWechatOptions) {
    this.options = options;
    this.#server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
        const appid = url.searchParams.get('appid');
        const secret = url.searchParams.get('secret');
        this.tokenRequests.push({ appid, secret });
        if (appid !== options.appId || secret !== options.appSecret) return json({ errcode: 40125, errmsg: 'invalid appsecret' });
        const token = `ACCESS_TOKEN_${++this.#tokenNo}`;
        this.#validTokens.add(token);
        return json({ access_token: token, expires_in: options.expiresInSeconds ?? 7200 });
      }
      if (req.method === 'POST' && url.pathname === '/cgi-bin/message/custom/send') {
        let body = '';
        req.on('data', (d: Buffer) => (body += d.toString()));
        req.on('end', () => {
          const accessToken = url.searchParams.get('access_token') ?? '';
          if (!this.#validTokens.has(accessToken)) return json({ errcode: 40001, errmsg: 'invalid credential' });
          const errcode = this.sendErrors.shift() ?? 0;
          if (errcode !== 0) return json({ errcode, errmsg: 'refused' });
          const sent = JSON.parse(body) as { touser: string; msgtype: string; text: { content: string } };
          this.messages.push({ touser: sent.touser, content: sent.text.content, accessToken });
          for (const w of this.#waiters.splice(0)) w();
          json({ errcode: 0, errmsg: 'ok' });
        });
        return;
      }
      this.stray.push(`${req.method} ${url.pathname}`);
      res.writeHead(404).end();
    });
  }

  /** Starts WeChat's API; `appUrl` is where the app under test listens. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  /** Makes every access token handed out so far invalid (as a token refresh elsewhere would). */
  revokeTokens(): void {
    this.#validTokens.clear();
  }

  /** Resolves once `count` customer-service messages have come in (in all). */
  async sentCount(count: number, timeoutMs = 10_000): Promise<CustomMessage[]> {
    const until = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      if (Date.now() > until) throw new Error(`only ${this.messages.length} of ${count} customer-service messages came`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.messages;
  }

  /** Pushes XML `fields` to the app's `/wechat`, signed (and encrypted) as WeChat does. */
  async push(fields: Record<string, string | number>, options: PushOptions = {}): Promise<Answer> {
    const { token, aesKey, appId } = this.options;
    const timestamp = String(options.timestamp ?? Math.floor(this.options.now().getTime() / 1000));
    const nonce = options.nonce ?? String(randomBytes(4).readUInt32BE());
    const signingToken = options.forgeSignature ? 'forged' : token;
    const query = new URLSearchParams({ signature: wechatSignature(signingToken, timestamp, nonce), timestamp, nonce, openid: String(fields.FromUserName ?? '') });
    let body = options.rawBody ?? wechatXml(fields);
    if (aesKey && !options.plain) {
      const encrypted = new MessageCrypto(aesKey, options.appId ?? appId).encrypt(body);
      query.set('encrypt_type', 'aes');
      query.set('msg_signature', wechatSignature(options.forgeMsgSignature ? 'forged' : token, timestamp, nonce, encrypted));
      body = wechatXml({ ToUserName: String(fields.ToUserName ?? 'gh_agency'), Encrypt: encrypted });
    }
    return this.request('POST', `/wechat?${query}`, body);
  }

  /** WeChat's check of the server URL: GET with `echostr`. */
  verifyUrl(echostr: string, options: { forgeSignature?: boolean } = {}): Promise<Answer> {
    const timestamp = String(Math.floor(this.options.now().getTime() / 1000));
    const nonce = String(randomBytes(4).readUInt32BE());
    const signature = wechatSignature(options.forgeSignature ? 'forged' : this.options.token, timestamp, nonce);
    return this.request('GET', `/wechat?${new URLSearchParams({ signature, timestamp, nonce, echostr })}`);
  }

  async request(method: string, path: string, body?: string): Promise<Answer> {
    const started = performance.now();
    const response = await fetch(`${this.appUrl}${path}`, { method, ...(body === undefined ? {} : { body, headers: { 'content-type': 'text/xml' } }) });
    return { status: response.status, body: await response.text(), ms: performance.now() - started };
  }
}
